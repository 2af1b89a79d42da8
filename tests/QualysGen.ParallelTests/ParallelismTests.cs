using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Text;
using QualysGen.IntegrationTests.Qualys.ComplianceScheduleScanListOutputDtd;
using QualysGen.Xml;

namespace QualysGen.IntegrationTests;

/// <summary>That this project's tests do run in parallel mode (the configuration in the project file is read), so that they prove something.</summary>
public sealed class ParallelismTests
{
    [Fact]
    public void Every_response_is_parsed_on_two_threads_here()
    {
        Assert.Equal(2, XmlRecordBatches.ParallelismFor(new MemoryStream(new byte[10]), null));
        Assert.Equal(1, XmlRecordBatches.ParallelismFor(new MemoryStream(new byte[10]), new QualysXmlOptions { MaxDegreeOfParallelism = 1 }));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_list_is_cut_into_batches_and_read_the_same()
    {
        // The documented sample with its one SCAN repeated 40 times (each with its own ID): about 60 batches of 256 bytes.
        string sample;
        using (var reader = new StreamReader(SampleFiles.Open("seed003_compliance_schedule_list.xml")))
        {
            sample = reader.ReadToEnd();
        }

        var first = sample.IndexOf("<SCAN>", System.StringComparison.Ordinal);
        var last = sample.IndexOf("</SCAN>", System.StringComparison.Ordinal) + "</SCAN>".Length;
        var xml = new StringBuilder(sample[..first]);
        for (var i = 1; i <= 40; i++)
        {
            xml.Append(sample[first..last].Replace("<ID>57363</ID>", $"<ID>{i}</ID>")).Append("\n    ");
        }

        xml.Append(sample[last..]);
        var bytes = Encoding.UTF8.GetBytes(xml.ToString());
        long batches = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == XmlTelemetry.MeterName && instrument.Name == "qualysgen.xml.batches")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => System.Threading.Interlocked.Add(ref batches, value));
        listener.Start();

        var single = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes), new QualysXmlOptions { MaxDegreeOfParallelism = 1 });
        Assert.Equal(0, System.Threading.Interlocked.Read(ref batches));
        var parallel = ComplianceScheduleScanListOutput.Parse(new MemoryStream(bytes));
        var streamed = new List<Scan>();
        await foreach (var scan in ComplianceScheduleScanListOutput.EnumerateScansAsync(new MemoryStream(bytes)))
        {
            streamed.Add(scan);
        }

        Assert.True(System.Threading.Interlocked.Read(ref batches) >= 40, $"{batches} batches");
        Assert.Equal(40, parallel.Response.Scans!.Count);
        Assert.Equal(single.Response.Scans!.Select(s => (s.Id, s.Title)), parallel.Response.Scans.Select(s => (s.Id, s.Title)));
        Assert.Equal(single.Response.Scans.Select(s => (s.Id, s.Title)), streamed.Select(s => (s.Id, s.Title)));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), parallel.Response.Scans.Select(s => s.Id));
    }
}
