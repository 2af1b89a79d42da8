using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace QualysGen.Tool.Diffing;

/// <summary>Writes diffs as text (people), JSON (CI) or Markdown (pull requests), and decides the exit code.</summary>
internal static class DiffReportWriter
{
    public static void Write(TextWriter output, IReadOnlyList<ApiDiff> diffs, DiffFormat format)
    {
        switch (format)
        {
            case DiffFormat.Json:
                WriteJson(output, diffs);
                break;
            case DiffFormat.Markdown:
                WriteMarkdown(output, diffs);
                break;
            default:
                WriteText(output, diffs);
                break;
        }
    }

    /// <summary>Whether the diffs hold a change that <paramref name="failOn"/> fails on.</summary>
    public static bool Fails(IEnumerable<ApiDiff> diffs, FailOn failOn) => failOn switch
    {
        FailOn.Any => diffs.Any(d => d.Changes.Count > 0),
        FailOn.Breaking => diffs.Any(d => d.Breaking > 0),
        _ => false,
    };

    private static string Word(ChangeSeverity severity) => severity == ChangeSeverity.Breaking ? "breaking" : "additive";

    private static string Word(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        ChangeKind.RenamedCase => "renamed-case",
        ChangeKind.MadeOptional => "made-optional",
        ChangeKind.MadeRequired => "made-required",
        ChangeKind.Retyped => "retyped",
        ChangeKind.ListToSingle => "list-to-single",
        ChangeKind.SingleToList => "single-to-list",
        ChangeKind.ChoiceChanged => "choice-changed",
        ChangeKind.ReachedEndOfSupport => "end-of-support",
        ChangeKind.ReachedEndOfLife => "end-of-life",
        ChangeKind.EntryMoved => "entry-moved",
        _ => "changed",
    };

    private static void WriteText(TextWriter output, IReadOnlyList<ApiDiff> diffs)
    {
        foreach (var diff in diffs)
        {
            output.WriteLine($"{diff.OldPath} -> {diff.NewPath}: {Summary(diff)}");
            foreach (var change in diff.Changes)
            {
                output.WriteLine($"  {Word(change.Severity),-9} {Word(change.Kind),-15} {change.Subject} {change.Member}: {change.Detail}");
            }
        }
    }

    private static string Summary(ApiDiff diff)
        => diff.Changes.Count == 0 ? "no change to the generated API" : $"{diff.Breaking} breaking, {diff.Additive} additive";

    private static void WriteMarkdown(TextWriter output, IReadOnlyList<ApiDiff> diffs)
    {
        foreach (var diff in diffs)
        {
            output.WriteLine($"### `{diff.OldPath}` → `{diff.NewPath}`: {Summary(diff)}");
            output.WriteLine();
            if (diff.Changes.Count == 0)
            {
                continue;
            }

            output.WriteLine("| | change | member | detail |");
            output.WriteLine("|---|---|---|---|");
            foreach (var change in diff.Changes)
            {
                var mark = change.Severity == ChangeSeverity.Breaking ? "❌ breaking" : "➕ additive";
                output.WriteLine($"| {mark} | {Word(change.Kind)} {change.Subject} | `{change.Member}` | {Cell(change.Detail)} |");
            }

            output.WriteLine();
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");

    private static void WriteJson(TextWriter output, IReadOnlyList<ApiDiff> diffs)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("breaking", diffs.Sum(d => d.Breaking));
            json.WriteNumber("additive", diffs.Sum(d => d.Additive));
            json.WriteStartArray("files");
            foreach (var diff in diffs)
            {
                json.WriteStartObject();
                json.WriteString("old", diff.OldPath);
                json.WriteString("new", diff.NewPath);
                json.WriteNumber("breaking", diff.Breaking);
                json.WriteNumber("additive", diff.Additive);
                json.WriteStartArray("changes");
                foreach (var change in diff.Changes)
                {
                    json.WriteStartObject();
                    json.WriteString("severity", Word(change.Severity));
                    json.WriteString("change", Word(change.Kind));
                    json.WriteString("subject", change.Subject);
                    json.WriteString("member", change.Member);
                    json.WriteString("detail", change.Detail);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
