using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using QualysGen.Runtime.Tests.Infrastructure;
using QualysGen.Runtime.Tests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Simulator;

namespace QualysGen.Runtime.Tests;

/// <summary>Records reach the caller while the response is still arriving: nothing buffers the body.</summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task The_first_record_is_yielded_before_the_last_byte_is_sent()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.State.AddComplianceSchedules(3);
        var release = HoldAfterFirstRecord(h, TestRequests.SchedulePath);

        await using var records = h.Client.EnumerateAsync(TestRequests.ListSchedules(), ComplianceScheduleScanListOutput.EnumerateScansAsync).GetAsyncEnumerator();
        Assert.True(await records.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(57363, records.Current.Id);
        var request = Assert.Single(h.Simulator.Requests);
        Assert.Equal(200, request.Status);
        Assert.False(request.Completed, "the simulator is still holding the rest of the body");

        release.SetResult();
        var count = 1;
        while (await records.MoveNextAsync())
        {
            count++;
        }

        Assert.Equal(4, count);
    }

    /// <summary>
    /// Left after the first record while the server holds the rest: the stream has a read of the body running (it reads
    /// ahead without waiting), and leaving must neither wait for it nor fail; the client goes on serving requests.
    /// </summary>
    [Fact]
    public async Task Leaving_a_stream_while_its_next_read_waits_on_the_server_is_clean()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.State.AddComplianceSchedules(3);
        var release = HoldAfterFirstRecord(h, TestRequests.SchedulePath);

        await using (var records = h.Client.EnumerateAsync(TestRequests.ListSchedules(), ComplianceScheduleScanListOutput.EnumerateScansAsync).GetAsyncEnumerator())
        {
            Assert.True(await records.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(57363, records.Current.Id);
        }

        release.SetResult();
        var count = 0;
        await foreach (var scan in h.Client.EnumerateAsync(TestRequests.ListSchedules(), ComplianceScheduleScanListOutput.EnumerateScansAsync))
        {
            count++;
        }

        Assert.Equal(4, count);
    }

    [Fact]
    public async Task A_QPS_record_is_yielded_before_the_last_byte_is_sent()
    {
        await using var h = await Harness.StartAsync();
        var release = HoldAfterFirstRecord(h, TestRequests.WasScanSearchPath);

        await using var ids = h.Client.EnumerateAsync(TestRequests.SearchWasScans(), Qualys.WasscanXsd.ServiceResponse.EnumerateWasScansAsync).GetAsyncEnumerator();
        Assert.True(await ids.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(h.Simulator.State.WasScans.First().Id, ids.Current.Id);
        Assert.Equal(h.Simulator.State.WasScans.First().Name, ids.Current.Name);
        Assert.False(Assert.Single(h.Simulator.Requests).Completed);
        release.SetResult();
        while (await ids.MoveNextAsync())
        {
        }
    }

    /// <summary>Has the simulator send the next answer on <paramref name="path"/> up to its first record and hold the rest until the returned source is set.</summary>
    internal static TaskCompletionSource HoldAfterFirstRecord(Harness h, string path)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Simulator.Enqueue(path, QualysFault.HoldAfterFirstRecord(release.Task));
        return release;
    }
}

/// <summary>Tests that count batches on the process-wide meter: run alone, so that no other test's batches are counted.</summary>
[CollectionDefinition(nameof(BatchMeterCollection), DisableParallelization = true)]
public sealed class BatchMeterCollection
{
}

/// <summary>A large response read over the network, its length unknown until it has all arrived, is still parsed on every core.</summary>
[Collection(nameof(BatchMeterCollection))]
public sealed class ParallelStreamingTests
{
    [Fact]
    public async Task A_large_response_goes_on_every_core_once_the_threshold_has_arrived()
    {
        await using var h = await Harness.StartAsync();
        h.Simulator.State.AddComplianceSchedules(8000);
        var release = StreamingTests.HoldAfterFirstRecord(h, TestRequests.SchedulePath);
        using var meter = new QualysGen.Tests.BatchMeter();

        // One page (no truncation) of several MB. Records still come as they arrive: the first before the rest is sent.
        var ids = new List<long>();
        var request = TestRequests.ListSchedules(parameters: new KeyValuePair<string, string>("truncation_limit", "0"));
        await using var records = h.Client.EnumerateAsync(request, ComplianceScheduleScanListOutput.EnumerateScansAsync).GetAsyncEnumerator();
        Assert.True(await records.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        ids.Add(records.Current.Id);
        Assert.False(Assert.Single(h.Simulator.Requests).Completed);
        release.SetResult();
        while (await records.MoveNextAsync())
        {
            ids.Add(records.Current.Id);
        }

        Assert.Equal(h.Simulator.State.ComplianceSchedules.Select(s => s.Id).Order(), ids);
        Assert.True(Assert.Single(h.Simulator.Requests).Completed);
        if (Environment.ProcessorCount >= 2)
        {
            Assert.True(meter.Total > 0, "the records after the first MiB were cut into batches");
        }
    }
}
