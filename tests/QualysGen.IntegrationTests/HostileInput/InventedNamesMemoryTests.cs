using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;

namespace QualysGen.IntegrationTests.HostileInput;

/// <summary>
/// A response full of names the schema does not know leaves nothing behind once parsed. The reader adds every name it meets
/// to its name table, each undeclared element is counted as drift, and a thread keeps both for its next parse: 300,000
/// invented element names (2.9 MB) kept 28 MB alive in the name table and 14 MB in the drift counts after the parse had
/// returned, on that thread, for good.
/// </summary>
[Collection(nameof(AllocationMeasurement))]
public sealed class InventedNamesMemoryTests
{
    [Fact]
    public void A_response_of_invented_names_is_not_kept_alive_by_the_next_parse_s_names()
    {
        var names = new StringBuilder();
        for (var i = 0; i < 300_000; i++)
        {
            names.Append("<N").Append(i).Append("/>");
        }

        var scans = Enumerable.Range(1, 3).Select(i => ComplianceScheduleListTests.Scan(i, "<DAILY frequency_days=\"1\" />")).ToArray();
        scans[1] = scans[1].Replace("<ACTIVE>", names + "<ACTIVE>", StringComparison.Ordinal);
        var hostile = Encoding.UTF8.GetBytes(ComplianceScheduleListTests.Document(scans));
        var plain = Encoding.UTF8.GetBytes(ComplianceScheduleListTests.Document(scans[0]));
        var oneThread = new QualysXmlOptions { MaxDegreeOfParallelism = 1 };

        long retained = 0;
        var count = 0;
        var thread = new Thread(() =>
        {
            ComplianceScheduleScanListOutput.Parse(new MemoryStream(plain), oneThread);
            var before = Retained();
            count = ComplianceScheduleScanListOutput.Parse(new MemoryStream(hostile), oneThread).Response.Scans!.Count;
            ComplianceScheduleScanListOutput.Parse(new MemoryStream(plain), oneThread);   // the thread parses on
            retained = Retained() - before;
        });
        thread.Start();
        thread.Join();

        Assert.Equal(3, count);
        Assert.InRange(retained, long.MinValue, 8 * 1024 * 1024);
    }

    private static long Retained()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
