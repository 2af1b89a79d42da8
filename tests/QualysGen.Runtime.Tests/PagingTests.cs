using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Runtime.Tests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Runtime.Tests.Qualys.WasscanXsd;
using WebApps = QualysGen.Runtime.Tests.Qualys.WebappXsd;

namespace QualysGen.Runtime.Tests;

/// <summary>Truncated classic-API lists (WARNING 1980 + URL) and QPS searches (hasMoreRecords/lastId) as one IAsyncEnumerable, one page at a time.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task A_truncated_list_is_followed_through_its_WARNING_URL()
    {
        await using var h = await Harness.StartAsync(simulator: o => o.TruncationLimit = 5);
        h.Simulator.State.AddComplianceSchedules(25);

        var ids = new List<long>();
        await foreach (var scan in h.Client.EnumerateAsync(TestRequests.ListSchedules(), ComplianceScheduleScanListOutput.EnumerateScansAsync))
        {
            ids.Add(scan.Id);
        }

        Assert.Equal(h.Simulator.State.ComplianceSchedules.Select(s => s.Id), ids);
        Assert.Equal(26, ids.Count);
        var lists = h.Simulator.Requests.Where(r => r.Action == "list").ToArray();
        Assert.Equal(6, lists.Length);
        Assert.DoesNotContain("id_min", lists[0].Query);
        Assert.All(lists.Skip(1), r => Assert.Contains("id_min=", r.Query));
    }

    [Fact]
    public async Task A_form_POST_list_carries_the_next_batch_in_its_form()
    {
        await using var h = await Harness.StartAsync(simulator: o => o.TruncationLimit = 4);
        h.Simulator.State.AddComplianceSchedules(7);

        var count = 0;
        await foreach (var _ in h.Client.EnumerateAsync(TestRequests.ListSchedulesByForm(), ComplianceScheduleScanListOutput.EnumerateScansAsync))
        {
            count++;
        }

        Assert.Equal(8, count);
        Assert.Equal(2, h.Simulator.Requests.Count);
        Assert.All(h.Simulator.Requests, r => Assert.Equal("POST", r.Method));
        Assert.All(h.Simulator.Requests, r => Assert.Equal("", r.Query));
    }

    [Fact]
    public async Task Whole_pages_can_be_enumerated_too()
    {
        await using var h = await Harness.StartAsync(simulator: o => o.TruncationLimit = 10);
        h.Simulator.State.AddComplianceSchedules(24);

        var sizes = new List<int>();
        await foreach (var page in h.Client.EnumeratePagesAsync(TestRequests.ListSchedules()))
        {
            sizes.Add(page.Response.Scans.Count);
        }

        Assert.Equal([10, 10, 5], sizes);
    }

    [Fact]
    public async Task Cancelling_in_the_middle_stops_without_fetching_further_pages()
    {
        await using var h = await Harness.StartAsync(simulator: o => o.TruncationLimit = 5);
        h.Simulator.State.AddComplianceSchedules(30);
        using var cancellation = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in h.Client.EnumerateAsync(TestRequests.ListSchedules(), ComplianceScheduleScanListOutput.EnumerateScansAsync, cancellation.Token))
            {
                if (++seen == 7)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(7, seen);
        Assert.Equal(2, h.Simulator.Requests.Count(r => r.Action == "list"));
    }

    [Fact]
    public async Task Leaving_early_gives_the_concurrency_slot_back()
    {
        await using var h = await Harness.StartAsync(simulator: o => o.TruncationLimit = 5);
        h.Simulator.State.AddComplianceSchedules(12);

        for (var i = 0; i < 4; i++)
        {
            await foreach (var _ in h.Client.EnumerateAsync(TestRequests.ListSchedules(), ComplianceScheduleScanListOutput.EnumerateScansAsync))
            {
                break;
            }
        }

        // With leaked slots (the gate holds 2) this would never start.
        var list = await h.Client.SendAsync(TestRequests.ListSchedules()).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(5, list.Response.Scans.Count);
        Assert.Equal(5, h.Simulator.Requests.Count);
    }

    [Fact]
    public async Task A_QPS_search_is_followed_through_hasMoreRecords_and_lastId()
    {
        await using var h = await Harness.StartAsync();

        var ids = new List<long>();
        await foreach (var scan in h.Client.EnumerateAsync(TestRequests.SearchWasScans(limit: 2), ServiceResponse.EnumerateWasScansAsync))
        {
            ids.Add(scan.Id!.Value);
        }

        Assert.Equal(h.Simulator.State.WasScans.Select(s => s.Id), ids);
        var searches = h.Simulator.Requests;
        Assert.Equal(3, searches.Count);
        Assert.DoesNotContain("GREATER", searches[0].Body);
        Assert.Contains($"<Criteria field=\"id\" operator=\"GREATER\">{ids[1]}</Criteria>", searches[1].Body);
        Assert.Contains($"<Criteria field=\"id\" operator=\"GREATER\">{ids[3]}</Criteria>", searches[2].Body);
        Assert.All(searches, r => Assert.Contains("<limitResults>2</limitResults>", r.Body));
    }

    [Fact]
    public async Task A_QPS_search_keeps_its_own_filters_on_every_page()
    {
        await using var h = await Harness.StartAsync();

        var ids = new List<long>();
        await foreach (var scan in h.Client.EnumerateAsync(TestRequests.SearchWasScans(limit: 1, nameContains: "VULN"), ServiceResponse.EnumerateWasScansAsync))
        {
            ids.Add(scan.Id!.Value);
        }

        Assert.Equal(h.Simulator.State.WasScans.Where(s => s.Name.Contains("VULN", StringComparison.OrdinalIgnoreCase)).Select(s => s.Id), ids);
        Assert.All(h.Simulator.Requests, r => Assert.Contains("operator=\"CONTAINS\">VULN<", r.Body));
    }

    [Fact]
    public async Task A_QPS_web_app_search_pages_into_typed_web_apps()
    {
        await using var h = await Harness.StartAsync();

        var apps = new List<WebApps.WebApp>();
        await foreach (var app in h.Client.EnumerateAsync(TestRequests.SearchWebApps(limit: 2), WebApps.ServiceResponse.EnumerateWebAppsAsync))
        {
            apps.Add(app);
        }

        var expected = h.Simulator.State.WebApps;
        Assert.True(expected.Count > 2, "the simulator's web apps fill more than one page");
        Assert.Equal(
            expected.Select(a => (a.Id, a.Name, a.Url, a.OwnerId, a.CreatedDate, a.UpdatedDate)),
            apps.Select(a => (a.Id!.Value, a.Name!, a.Url!, a.Owner!.Id!.Value, a.CreatedDate!.Value, a.UpdatedDate!.Value)));
        Assert.Equal((expected.Count + 1) / 2, h.Simulator.Requests.Count);
        Assert.All(h.Simulator.Requests, r => Assert.Equal("/qps/rest/3.0/search/was/webapp", r.Path));
    }
}
