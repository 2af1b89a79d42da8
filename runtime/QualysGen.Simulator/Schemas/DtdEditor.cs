using System;
using System.Text.RegularExpressions;

namespace QualysGen.Simulator.Schemas;

/// <summary>Applies <see cref="DtdEdit"/>s to DTD text, declaration by declaration, leaving the rest of the file (comments included) as it is.</summary>
internal static class DtdEditor
{
    public static string Apply(string dtd, DtdEdit edit) => edit.Kind switch
    {
        DtdEditKind.AddElement => AddElement(dtd, edit.Element, edit.Name, edit.Value),
        DtdEditKind.RemoveElement => RemoveElement(dtd, edit.Element, edit.Name),
        DtdEditKind.MakeOptional => MakeOptional(dtd, edit.Element, edit.Name),
        DtdEditKind.AddEnumerationValue => AddEnumerationValue(dtd, edit.Element, edit.Name, edit.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(edit)),
    };

    private static string AddElement(string dtd, string parent, string child, string occurs)
    {
        var (start, end) = Declaration(dtd, "ELEMENT", parent);
        var close = dtd.LastIndexOf(')', end, end - start);
        if (close < 0 || dtd.Substring(start, end - start).Contains("#PCDATA", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"<!ELEMENT {parent}> has no element content to add {child} to.");
        }

        var declared = Find(dtd, "ELEMENT", child) is not null;
        var edited = dtd.Substring(0, close) + ", " + child + occurs + dtd.Substring(close, end + 1 - close)
                     + (declared ? "" : $"\n<!ELEMENT {child} (#PCDATA)>");
        return edited + dtd.Substring(end + 1);
    }

    private static string RemoveElement(string dtd, string parent, string child)
    {
        var (start, end) = Declaration(dtd, "ELEMENT", parent);
        var model = dtd.Substring(start, end - start);
        var name = Regex.Escape(child);
        var after = new Regex($@"\s*[,|]\s*(?<![\w.:-]){name}[?*+]?(?![\w.:-])");
        var before = new Regex($@"(?<![\w.:-]){name}[?*+]?\s*[,|]\s*");
        var edited = after.IsMatch(model) ? after.Replace(model, "", 1) : before.IsMatch(model) ? before.Replace(model, "", 1)
            : throw new InvalidOperationException($"{child} is not one of several children of <!ELEMENT {parent}>.");
        dtd = dtd.Substring(0, start) + edited + dtd.Substring(end);

        // A declaration nothing refers to any more would be a new root: it goes, with its attributes.
        var used = new Regex($@"<!ELEMENT\s+[^\s>]+\s[^>]*(?<![\w.:-]){name}(?![\w.:-])");
        if (!used.IsMatch(dtd))
        {
            foreach (var keyword in new[] { "ATTLIST", "ELEMENT" })
            {
                while (Find(dtd, keyword, child) is { } declaration)
                {
                    var stop = declaration.End + 1;
                    while (stop < dtd.Length && dtd[stop] is '\r' or '\n')
                    {
                        stop++;
                    }

                    dtd = dtd.Substring(0, declaration.Start) + dtd.Substring(stop);
                }
            }
        }

        return dtd;
    }

    private static string MakeOptional(string dtd, string parent, string child)
    {
        var (start, end) = Declaration(dtd, "ELEMENT", parent);
        var model = dtd.Substring(start, end - start);
        var match = new Regex($@"(?<![\w.:-]){Regex.Escape(child)}(?![\w.:-])([?*+]?)").Match(model, Math.Max(0, model.IndexOf('(')));
        if (!match.Success)
        {
            throw new InvalidOperationException($"{child} is not a child of <!ELEMENT {parent}>.");
        }

        var indicator = match.Groups[1].Value switch
        {
            "" => "?",
            "+" => "*",
            _ => throw new InvalidOperationException($"{child} is already optional in <!ELEMENT {parent}>."),
        };
        var at = start + match.Groups[1].Index;
        return dtd.Substring(0, at) + indicator + dtd.Substring(at + match.Groups[1].Length);
    }

    private static string AddEnumerationValue(string dtd, string element, string attribute, string value)
    {
        var (start, end) = Declaration(dtd, "ATTLIST", element);
        var match = new Regex($@"(?<![\w.:-]){Regex.Escape(attribute)}\s+\(([^)]*)\)").Match(dtd, start, end - start);
        if (!match.Success)
        {
            throw new InvalidOperationException($"<!ATTLIST {element}> has no enumerated attribute {attribute}.");
        }

        var close = match.Index + match.Length - 1;
        return dtd.Substring(0, close) + "|" + value + dtd.Substring(close);
    }

    private static (int Start, int End) Declaration(string dtd, string keyword, string name)
        => Find(dtd, keyword, name) ?? throw new InvalidOperationException($"The DTD has no <!{keyword} {name}>.");

    /// <summary>Where <c>&lt;!KEYWORD name ...&gt;</c> starts and where its <c>&gt;</c> is.</summary>
    private static (int Start, int End)? Find(string dtd, string keyword, string name)
    {
        var match = new Regex($@"<!{keyword}\s+{Regex.Escape(name)}\s").Match(dtd);
        return match.Success ? (match.Index, dtd.IndexOf('>', match.Index)) : null;
    }
}
