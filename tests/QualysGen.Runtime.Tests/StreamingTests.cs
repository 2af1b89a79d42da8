using System;
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
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Simulator.Enqueue(TestRequests.SchedulePath, QualysFault.HoldAfterFirstRecord(release.Task));

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

    [Fact]
    public async Task A_QPS_record_is_yielded_before_the_last_byte_is_sent()
    {
        await using var h = await Harness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Simulator.Enqueue(TestRequests.WasScanSearchPath, QualysFault.HoldAfterFirstRecord(release.Task));

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
}
