using System.Diagnostics.Metrics;

namespace QualysGen.Xml;

/// <summary>
/// The meter under which the generated parsers count what their schemas do not say, whoever parses (the client or a direct
/// <c>Parse</c>): <c>qualysgen.xml.deviations</c> (elements left out, tagged <c>kind</c>) and <c>qualysgen.xml.drift</c>
/// (undeclared elements, attributes and enumeration values, tagged <c>kind</c>, counted once per distinct path and parse), and
/// <c>qualysgen.xml.batches</c> (runs of records a parallel parse cut out and parsed on worker threads, tagged <c>thread</c>:
/// <c>worker</c>, or <c>parse</c> when the parse's own thread took one while it waited; and <c>indentation</c>: <c>removed</c>
/// when the batch was read without its indentation, <c>kept</c> when read as it came, <c>read_again</c> when read both ways
/// because it reported a deviation, drift or fault, whose positions need the batch as it came); and
/// <c>qualysgen.xml.documents</c> (responses a parse on one thread held whole in memory and read without their indentation,
/// tagged <c>indentation</c>: <c>removed</c>, or <c>read_again</c> when read both ways because it faulted).
/// For OpenTelemetry: <c>AddMeter(XmlTelemetry.MeterName)</c>.
/// </summary>
public static class XmlTelemetry
{
    /// <summary>The name of the <see cref="Meter"/>.</summary>
    public const string MeterName = "QualysGen.Xml";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Deviations = Meter.CreateCounter<long>("qualysgen.xml.deviations", unit: "{element}", description: "Elements left out of a parse result because they break the schema.");

    internal static readonly Counter<long> Drift = Meter.CreateCounter<long>("qualysgen.xml.drift", unit: "{path}", description: "Distinct paths per parse where a response has what the schema does not declare.");

    internal static readonly Counter<long> Documents = Meter.CreateCounter<long>("qualysgen.xml.documents", unit: "{response}", description: "Responses a parse on one thread read without their indentation, or read both ways.");

    internal static readonly Counter<long> Batches = Meter.CreateCounter<long>("qualysgen.xml.batches", unit: "{batch}", description: "Runs of records a parallel parse cut out of a response and parsed on another thread than the reader's.");
}
