using System;
using System.Collections.Generic;
using System.Linq;
using QualysGen.Tool.Surface;

namespace QualysGen.Tool.Diffing;

/// <summary>
/// Compares two versions of the C# API one file generates and classifies each change: <see cref="ChangeSeverity.Breaking"/> when code
/// that compiled against the old API may not compile or may behave differently (a member removed or renamed, a value made optional,
/// required or retyped, a version reaching EOS/EOL), <see cref="ChangeSeverity.Additive"/> otherwise.
/// </summary>
internal sealed class ApiDiffer
{
    private const ChangeSeverity Breaking = ChangeSeverity.Breaking;
    private const ChangeSeverity Additive = ChangeSeverity.Additive;

    private readonly List<ApiChange> _changes = new();

    private ApiDiffer()
    {
    }

    public static IReadOnlyList<ApiChange> Compare(ApiSurface before, ApiSurface after)
    {
        var differ = new ApiDiffer();
        differ.CompareTypes(before.Types, after.Types);
        differ.CompareRoots(before.Roots, after.Roots);
        differ.CompareRequests(before.Requests, after.Requests);
        return differ._changes
            .OrderBy(c => c.Severity)
            .ThenBy(c => c.Member, StringComparer.Ordinal)
            .ThenBy(c => c.Kind)
            .ToList();
    }

    private void Add(ChangeSeverity severity, ChangeKind kind, string subject, string member, string detail)
        => _changes.Add(new ApiChange(severity, kind, subject, member, detail));

    private void CompareTypes(IReadOnlyList<ApiType> before, IReadOnlyList<ApiType> after)
    {
        var match = NameMatch<ApiType>.Of(before, after, t => t.Name);
        foreach (var type in match.Removed)
        {
            Add(Breaking, ChangeKind.Removed, Subject(type), type.Name, $"{Subject(type)} {type.Name} (from {type.SchemaName}) is removed");
        }

        foreach (var type in match.Added)
        {
            Add(Additive, ChangeKind.Added, Subject(type), type.Name, $"new {Subject(type)} {type.Name} (from {type.SchemaName})");
        }

        foreach (var (old, @new, caseRenamed) in match.Pairs)
        {
            if (caseRenamed)
            {
                Add(Breaking, ChangeKind.RenamedCase, Subject(@new), @new.Name, $"{Subject(old)} {old.Name} is now {@new.Name}");
            }

            if (old.IsEnum != @new.IsEnum)
            {
                Add(Breaking, ChangeKind.Retyped, Subject(@new), @new.Name, $"{Subject(old)} {old.Name} is now {Subject(@new) switch { "enum" => "an enum", _ => "a class" }}");
                continue;
            }

            if (old.IsEnum)
            {
                CompareEnumMembers(@new.Name, old.EnumMembers, @new.EnumMembers);
            }
            else
            {
                CompareClass(old, @new);
            }
        }
    }

    private static string Subject(ApiType type) => type.IsEnum ? "enum" : "type";

    private void CompareEnumMembers(string owner, IReadOnlyList<ApiEnumMember> before, IReadOnlyList<ApiEnumMember> after)
    {
        var match = NameMatch<ApiEnumMember>.Of(before, after, m => m.Name);
        foreach (var member in match.Removed)
        {
            Add(Breaking, ChangeKind.Removed, "enum member", owner + "." + member.Name, $"value \"{member.XmlValue}\" is no longer in the schema");
        }

        foreach (var member in match.Added)
        {
            Add(Additive, ChangeKind.Added, "enum member", owner + "." + member.Name, $"new value \"{member.XmlValue}\"");
        }

        foreach (var (old, @new, caseRenamed) in match.Pairs)
        {
            if (caseRenamed)
            {
                Add(Breaking, ChangeKind.RenamedCase, "enum member", owner + "." + @new.Name, $"{owner}.{old.Name} is now {@new.Name}");
            }
            else if (!string.Equals(old.XmlValue, @new.XmlValue, StringComparison.Ordinal))
            {
                Add(Breaking, string.Equals(old.XmlValue, @new.XmlValue, StringComparison.OrdinalIgnoreCase) ? ChangeKind.RenamedCase : ChangeKind.Changed,
                    "enum member", owner + "." + @new.Name, $"means \"{@new.XmlValue}\", was \"{old.XmlValue}\"");
            }
        }
    }

    private void CompareClass(ApiType before, ApiType after)
    {
        if (before.Text != after.Text)
        {
            Add(Breaking, ChangeKind.Changed, "type", after.Name, $"its own text is now kept as {after.Text}, was {before.Text}");
        }

        var match = NameMatch<ApiMember>.Of(before.Members, after.Members, m => m.Name);

        // A property that moved to another C# name but reads the same XML (a list made single renames Values to Value, a wrapper
        // that is no longer flattened turns Vpcs into VpcList) is one change, not a removal and an unrelated addition.
        var added = match.Added.ToList();
        foreach (var member in match.Removed)
        {
            var moved = added.FirstOrDefault(a => a.XmlName == member.XmlName && (a.Source == ApiMemberSource.Attribute) == (member.Source == ApiMemberSource.Attribute));
            if (moved is null)
            {
                Add(Breaking, ChangeKind.Removed, "property", before.Name + "." + member.Name, $"{member.Type} from {Xml(member)} is removed");
                continue;
            }

            added.Remove(moved);
            var kind = member.IsList == moved.IsList ? ChangeKind.Changed : member.IsList ? ChangeKind.ListToSingle : ChangeKind.SingleToList;
            Add(Breaking, kind, "property", before.Name + "." + member.Name, $"{Xml(member)} is now read into {after.Name}.{moved.Name} ({moved.Type}), was {member.Name} ({member.Type})");
        }

        foreach (var member in added)
        {
            Add(Additive, ChangeKind.Added, "property", after.Name + "." + member.Name, $"new {member.Type} from {Xml(member)}{(member.Required ? " (required: a response without it no longer parses)" : "")}");
        }

        foreach (var (old, @new, caseRenamed) in match.Pairs)
        {
            var name = after.Name + "." + @new.Name;
            if (caseRenamed)
            {
                Add(Breaking, ChangeKind.RenamedCase, "property", name, $"{after.Name}.{old.Name} is now {@new.Name}");
            }

            if (!string.Equals(old.XmlName, @new.XmlName, StringComparison.Ordinal) || !string.Equals(old.ItemXmlName, @new.ItemXmlName, StringComparison.Ordinal))
            {
                var caseOnly = string.Equals(old.XmlName, @new.XmlName, StringComparison.OrdinalIgnoreCase) && string.Equals(old.ItemXmlName, @new.ItemXmlName, StringComparison.OrdinalIgnoreCase);
                Add(Breaking, caseOnly ? ChangeKind.RenamedCase : ChangeKind.Changed, "property", name, $"read from {Xml(@new)}, was {Xml(old)}");
            }

            if (old.Source != @new.Source && old.IsList == @new.IsList)
            {
                Add(Breaking, ChangeKind.Changed, "property", name, $"read from {Describe(@new.Source)}, was {Describe(old.Source)}");
            }

            // A response value made optional breaks readers of it (a value type gains '?'; a reference may now be null).
            CompareValue("property", name, (old.Type, old.IsList, old.Required), (@new.Type, @new.IsList, @new.Required), Breaking,
                $"{Xml(@new)} is now optional", $"{Xml(@new)} is now required (a response without it no longer parses)");
        }

        CompareChoices(before, after);
    }

    private void CompareChoices(ApiType before, ApiType after)
    {
        var match = NameMatch<ApiChoice>.Of(before.Choices, after.Choices, c => c.PropertyName);
        foreach (var choice in match.Removed)
        {
            Add(Breaking, ChangeKind.Removed, "choice", before.Name + "." + choice.PropertyName, $"the choice {Branches(choice)} is removed");
        }

        foreach (var choice in match.Added)
        {
            Add(Additive, ChangeKind.Added, "choice", after.Name + "." + choice.PropertyName, $"new choice {Branches(choice)} ({choice.EnumName})");
        }

        foreach (var (old, @new, caseRenamed) in match.Pairs)
        {
            var name = after.Name + "." + @new.PropertyName;
            if (caseRenamed)
            {
                Add(Breaking, ChangeKind.RenamedCase, "choice", name, $"{after.Name}.{old.PropertyName} is now {@new.PropertyName}");
            }

            var branches = NameMatch<ApiChoiceBranch>.Of(old.Branches, @new.Branches, b => b.MemberName);
            foreach (var branch in branches.Removed)
            {
                Add(Breaking, ChangeKind.ChoiceChanged, "choice", name, $"branch {old.EnumName}.{branch.MemberName} ({string.Join(", ", branch.XmlNames)}) is removed");
            }

            foreach (var branch in branches.Added)
            {
                Add(Additive, ChangeKind.ChoiceChanged, "choice", name, $"new branch {@new.EnumName}.{branch.MemberName} ({string.Join(", ", branch.XmlNames)})");
            }

            foreach (var (oldBranch, newBranch, branchCase) in branches.Pairs)
            {
                if (branchCase || !oldBranch.XmlNames.SequenceEqual(newBranch.XmlNames, StringComparer.Ordinal))
                {
                    Add(Breaking, ChangeKind.ChoiceChanged, "choice", name, $"branch {@new.EnumName}.{newBranch.MemberName} is now ({string.Join(", ", newBranch.XmlNames)}), was {oldBranch.MemberName} ({string.Join(", ", oldBranch.XmlNames)})");
                }
            }

            if (old.Required != @new.Required)
            {
                Add(Breaking, ChangeKind.ChoiceChanged, "choice", name, @new.Required ? "one branch is now required" : "no branch may now come (None)");
            }
        }
    }

    private void CompareRoots(IReadOnlyList<ApiRoot> before, IReadOnlyList<ApiRoot> after)
    {
        var match = NameMatch<ApiRoot>.Of(before, after, r => r.XmlName);
        foreach (var root in match.Removed)
        {
            Add(Breaking, ChangeKind.Removed, "root", root.TypeName + ".Parse", $"<{root.XmlName}> is no longer a root: {root.TypeName}.Parse/ParseAsync are removed");
        }

        foreach (var root in match.Added)
        {
            Add(Additive, ChangeKind.Added, "root", root.TypeName + ".Parse", $"<{root.XmlName}> is a new root: {root.TypeName}.Parse/ParseAsync");
        }

        foreach (var (old, @new, caseRenamed) in match.Pairs)
        {
            if (caseRenamed || !string.Equals(old.TypeName, @new.TypeName, StringComparison.Ordinal))
            {
                Add(Breaking, caseRenamed ? ChangeKind.RenamedCase : ChangeKind.Changed, "root", @new.TypeName + ".Parse", $"root <{@new.XmlName}> ({@new.TypeName}), was <{old.XmlName}> ({old.TypeName})");
            }

            var streams = NameMatch<string>.Of(old.StreamMethods, @new.StreamMethods, s => s);
            foreach (var stream in streams.Removed)
            {
                Add(Breaking, ChangeKind.Removed, "record stream", old.TypeName + "." + stream, "the record stream is removed");
            }

            foreach (var stream in streams.Added)
            {
                Add(Additive, ChangeKind.Added, "record stream", @new.TypeName + "." + stream, "new record stream");
            }

            foreach (var (oldStream, newStream, streamCase) in streams.Pairs.Where(p => p.CaseRenamed))
            {
                Add(Breaking, ChangeKind.RenamedCase, "record stream", @new.TypeName + "." + newStream, $"{old.TypeName}.{oldStream} is now {newStream}");
            }
        }
    }

    private void CompareRequests(IReadOnlyList<ApiRequest> before, IReadOnlyList<ApiRequest> after)
    {
        var match = NameMatch<ApiRequest>.Of(before, after, r => r.ClassName);
        foreach (var request in match.Removed)
        {
            Add(Breaking, ChangeKind.Removed, "request", request.ClassName, request.BoundTo is null ? $"version {request.Version} of {request.Endpoint} is removed" : $"the endpoint {request.Endpoint} is removed");
        }

        foreach (var request in match.Added)
        {
            Add(Additive, ChangeKind.Added, "request", request.ClassName, request.BoundTo is null ? $"new version {request.Version} of {request.Endpoint}" : $"new endpoint {request.Endpoint} (sends v{request.Version})");
        }

        foreach (var (old, @new, caseRenamed) in match.Pairs)
        {
            var name = @new.ClassName;
            if (caseRenamed)
            {
                Add(Breaking, ChangeKind.RenamedCase, "request", name, $"{old.ClassName} is now {@new.ClassName}");
            }

            if (!string.Equals(old.BoundTo, @new.BoundTo, StringComparison.Ordinal) || old.Version != @new.Version)
            {
                Add(Breaking, ChangeKind.EntryMoved, "request", name, $"now sends v{@new.Version} ({@new.BoundTo ?? @new.ClassName}), was v{old.Version} ({old.BoundTo ?? old.ClassName})");
            }

            Lifecycle(name, "end of support (EOS)", ChangeKind.ReachedEndOfSupport, old.EndOfSupport, @new.EndOfSupport, @new.Obsolete);
            Lifecycle(name, "end of life (EOL)", ChangeKind.ReachedEndOfLife, old.EndOfLife, @new.EndOfLife, @new.Obsolete);
            if (!string.Equals(old.ResponseType, @new.ResponseType, StringComparison.Ordinal))
            {
                Add(Breaking, ChangeKind.Retyped, "request", name, $"answers {@new.ResponseType}, was {old.ResponseType}");
            }

            CompareParameters(name, old.Parameters, @new.Parameters);
        }
    }

    private void Lifecycle(string name, string what, ChangeKind kind, string? before, string? after, string? obsolete)
    {
        if (before == after)
        {
            return;
        }

        if (before is null)
        {
            Add(Breaking, kind, "request", name, $"{what} {after}" + (obsolete is null ? "" : $": [Obsolete(\"{obsolete}\")]"));
        }
        else if (after is null)
        {
            Add(Additive, ChangeKind.Changed, "request", name, $"{what} {before} is withdrawn");
        }
        else
        {
            Add(Breaking, ChangeKind.Changed, "request", name, $"{what} is now {after}, was {before}");
        }
    }

    private void CompareParameters(string request, IReadOnlyList<ApiParameter> before, IReadOnlyList<ApiParameter> after)
    {
        var match = NameMatch<ApiParameter>.Of(before, after, p => p.Name);
        foreach (var parameter in match.Removed)
        {
            Add(Breaking, ChangeKind.Removed, "parameter", request + "." + parameter.Name, $"{parameter.Type} ({parameter.WireName}) is removed");
        }

        foreach (var parameter in match.Added)
        {
            Add(parameter.Required ? Breaking : Additive, ChangeKind.Added, "parameter", request + "." + parameter.Name,
                parameter.Required ? $"new required {parameter.Type} ({parameter.WireName}): every initializer must set it" : $"new {parameter.Type} ({parameter.WireName})");
        }

        foreach (var (old, @new, caseRenamed) in match.Pairs)
        {
            var name = request + "." + @new.Name;
            if (caseRenamed)
            {
                Add(Breaking, ChangeKind.RenamedCase, "parameter", name, $"{request}.{old.Name} is now {@new.Name}");
            }

            if (!string.Equals(old.WireName, @new.WireName, StringComparison.Ordinal))
            {
                Add(Breaking, string.Equals(old.WireName, @new.WireName, StringComparison.OrdinalIgnoreCase) ? ChangeKind.RenamedCase : ChangeKind.Changed,
                    "parameter", name, $"sent as {@new.WireName}, was {old.WireName}");
            }

            // A request parameter made optional breaks nobody: an initializer that sets it still compiles.
            CompareValue("parameter", name, (old.Type, old.IsList, old.Required), (@new.Type, @new.IsList, @new.Required), Additive,
                "now optional", "now required: every initializer must set it");
        }
    }

    /// <summary>List or single, then the type without its nullability, then optional or required: the first that changed.</summary>
    private void CompareValue(
        string subject,
        string name,
        (string Type, bool IsList, bool Required) old,
        (string Type, bool IsList, bool Required) @new,
        ChangeSeverity madeOptional,
        string optionalDetail,
        string requiredDetail)
    {
        var types = $"{old.Type} -> {@new.Type}";
        if (old.IsList != @new.IsList)
        {
            Add(Breaking, old.IsList ? ChangeKind.ListToSingle : ChangeKind.SingleToList, subject, name, types);
        }
        else if (!string.Equals(old.Type.TrimEnd('?'), @new.Type.TrimEnd('?'), StringComparison.Ordinal))
        {
            Add(Breaking, ChangeKind.Retyped, subject, name, types);
        }
        else if (old.Required && !@new.Required)
        {
            Add(madeOptional, ChangeKind.MadeOptional, subject, name, $"{optionalDetail}: {types}");
        }
        else if (!old.Required && @new.Required)
        {
            Add(Breaking, ChangeKind.MadeRequired, subject, name, $"{requiredDetail}: {types}");
        }
    }

    private static string Xml(ApiMember member) => member.Source switch
    {
        ApiMemberSource.Attribute => $"@{member.XmlName}",
        ApiMemberSource.Text => "the element's text",
        ApiMemberSource.WrappedList => $"<{member.XmlName}>/<{member.ItemXmlName}>",
        _ => $"<{member.XmlName}>",
    };

    private static string Describe(ApiMemberSource source) => source switch
    {
        ApiMemberSource.Attribute => "an attribute",
        ApiMemberSource.Text => "the element's text",
        ApiMemberSource.WrappedList => "a wrapper list",
        ApiMemberSource.Presence => "an empty element's presence",
        _ => "a child element",
    };

    private static string Branches(ApiChoice choice) => "(" + string.Join(" | ", choice.Branches.SelectMany(b => b.XmlNames)) + ")";
}
