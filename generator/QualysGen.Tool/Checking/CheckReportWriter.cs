using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace QualysGen.Tool.Checking;

/// <summary>Writes check results: each response's findings, and for several responses a summary per path with counts.</summary>
internal static class CheckReportWriter
{
    public static void WriteText(TextWriter output, IReadOnlyList<CheckResult> results)
    {
        foreach (var result in results)
        {
            output.WriteLine($"{result.File} (<{result.Root}>, {result.Schema}): {Summary(result)}");
            foreach (var drift in result.Drift)
            {
                var value = drift.Value is null ? "" : $" '{drift.Value}'";
                output.WriteLine($"  drift      {drift.Kind,-20} {drift.Path}{value} ({drift.Count}x, first at line {drift.FirstLineNumber})");
            }

            foreach (var deviation in result.Deviations)
            {
                output.WriteLine($"  deviation  {deviation.Kind,-20} {deviation.ElementPath} (line {deviation.LineNumber}): {deviation.Detail}; a parser leaves out {deviation.OmittedPath}");
            }
        }

        if (results.Count > 1)
        {
            output.WriteLine();
            output.WriteLine($"Summary over {results.Count} responses ({results.Count(r => r.Drift.Count + r.Deviations.Count > 0)} with findings):");
            foreach (var row in Rows(results))
            {
                output.WriteLine($"  {row.Finding,-10} {row.Kind,-20} {row.Path}  {row.Count} in {row.Files} response{(row.Files == 1 ? "" : "s")}");
            }
        }
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<CheckResult> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("responses");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("file", result.File);
                json.WriteString("root", result.Root);
                json.WriteString("schema", result.Schema);
                json.WriteStartArray("drift");
                foreach (var drift in result.Drift)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", drift.Kind.ToString());
                    json.WriteString("path", drift.Path);
                    json.WriteNumber("line", drift.FirstLineNumber);
                    json.WriteNumber("count", drift.Count);
                    if (drift.Value is not null)
                    {
                        json.WriteString("value", drift.Value);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("deviations");
                foreach (var deviation in result.Deviations)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", deviation.Kind.ToString());
                    json.WriteString("path", deviation.ElementPath);
                    json.WriteNumber("line", deviation.LineNumber);
                    json.WriteString("detail", deviation.Detail);
                    json.WriteString("omitted", deviation.OmittedPath);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("summary");
            foreach (var row in Rows(results))
            {
                json.WriteStartObject();
                json.WriteString("finding", row.Finding);
                json.WriteString("kind", row.Kind);
                json.WriteString("path", row.Path);
                json.WriteNumber("count", row.Count);
                json.WriteNumber("responses", row.Files);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Summary(CheckResult result)
        => result.Drift.Count + result.Deviations.Count == 0
            ? "matches the schema"
            : $"{result.Drift.Count} drift, {result.Deviations.Count} deviation{(result.Deviations.Count == 1 ? "" : "s")}";

    /// <summary>One row per finding, kind and path over all responses: how often, in how many responses.</summary>
    private static IEnumerable<(string Finding, string Kind, string Path, int Count, int Files)> Rows(IReadOnlyList<CheckResult> results)
        => results
            .SelectMany(r => r.Drift.Select(d => (Finding: "drift", Kind: d.Kind.ToString(), d.Path, d.Count, r.File))
                .Concat(r.Deviations.Select(d => (Finding: "deviation", Kind: d.Kind.ToString(), Path: d.ElementPath, Count: 1, r.File))))
            .GroupBy(x => (x.Finding, x.Kind, x.Path))
            .OrderBy(g => g.Key.Finding == "deviation" ? 0 : 1)
            .ThenByDescending(g => g.Sum(x => x.Count))
            .ThenBy(g => g.Key.Path, System.StringComparer.Ordinal)
            .Select(g => (g.Key.Finding, g.Key.Kind, g.Key.Path, g.Sum(x => x.Count), g.Select(x => x.File).Distinct().Count()));
}
