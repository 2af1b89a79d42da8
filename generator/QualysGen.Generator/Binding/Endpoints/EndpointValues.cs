using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using QualysGen.Generator.Emitters;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding.Endpoints;

/// <summary>
/// Checks a value written in a spec (a default, a condition's value) against a parameter's type, and turns it into the C# constant
/// the generated code compares with and the wire text the messages show.
/// </summary>
internal static class EndpointValues
{
    /// <summary>The C# expression and wire text of <paramref name="value"/> as a value of <paramref name="property"/>, or an error message.</summary>
    public static bool TryConvert(ParameterPropertySpec property, IReadOnlyList<EnumMemberSpec>? enumMembers, ParameterValueDeclaration value, out string literal, out string wire, out string error)
    {
        literal = wire = error = "";
        var text = value.Text;
        switch (property.Kind)
        {
            case ParameterTypeKind.String:
                literal = SourceWriter.Literal(text);
                wire = text;
                return true;
            case ParameterTypeKind.Int32 when value.Kind != ParameterValueKind.Boolean && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i):
                literal = i.ToString(CultureInfo.InvariantCulture);
                wire = literal;
                return true;
            case ParameterTypeKind.Int64 when value.Kind != ParameterValueKind.Boolean && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                literal = l.ToString(CultureInfo.InvariantCulture) + "L";
                wire = l.ToString(CultureInfo.InvariantCulture);
                return true;
            case ParameterTypeKind.Flag when text is "1" or "true" or "0" or "false":
                literal = text is "1" or "true" ? "true" : "false";
                wire = literal == "true" ? "1" : "0";
                return true;
            case ParameterTypeKind.YesNo when text is "yes" or "true" or "no" or "false":
                literal = text is "yes" or "true" ? "true" : "false";
                wire = literal == "true" ? "yes" : "no";
                return true;
            case ParameterTypeKind.Boolean when text is "true" or "false":
                literal = text;
                wire = text;
                return true;
            case ParameterTypeKind.Enum when enumMembers?.FirstOrDefault(m => m.XmlValue == text) is { } member:
                literal = property.EnumTypeName + "." + member.Name;
                wire = text;
                return true;
            case ParameterTypeKind.Date or ParameterTypeKind.DateTime:
                error = $"Parameter '{property.WireName}' is a {Describe(property)}; a default or a condition on it can only test whether it is given";
                return false;
            default:
                error = $"'{text}' is not a value of parameter '{property.WireName}' ({Describe(property)}{(enumMembers is null ? "" : ": " + string.Join(", ", enumMembers.Select(m => m.XmlValue)))})";
                return false;
        }
    }

    /// <summary>The parameter's type in words, for messages.</summary>
    public static string Describe(ParameterPropertySpec property)
    {
        var item = property.Kind switch
        {
            ParameterTypeKind.Int32 => "int",
            ParameterTypeKind.Int64 => "long",
            ParameterTypeKind.Flag => "0|1 flag",
            ParameterTypeKind.YesNo => "yes|no flag",
            ParameterTypeKind.Boolean => "true|false flag",
            ParameterTypeKind.Enum => "enum",
            ParameterTypeKind.Date => "mm/dd/yyyy date",
            ParameterTypeKind.DateTime => "UTC date-time",
            _ => "string",
        };
        return property.IsList ? "comma-separated list of " + item : item;
    }

    /// <summary>A list of names for a message: <c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    public static string Names(IEnumerable<string> names, string conjunction = "and")
    {
        var list = names.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " " + conjunction + " " + list[list.Count - 1],
        };
    }

    /// <summary>A condition in words, e.g. <c>occurrence=daily</c>, <c>before_notify=1 or after_notify=1</c>.</summary>
    public static string Describe(IReadOnlyList<IReadOnlyList<(RuleClauseOperator Operator, string Parameter, IReadOnlyList<string> Values)>> anyOf)
        => string.Join(" or ", anyOf.Select(all => string.Join(" and ", all.Select(Clause))));

    private static string Clause((RuleClauseOperator Operator, string Parameter, IReadOnlyList<string> Values) clause) => clause.Operator switch
    {
        RuleClauseOperator.Given => clause.Parameter + " is given",
        RuleClauseOperator.NotGiven => clause.Parameter + " is not given",
        RuleClauseOperator.EqualTo => clause.Parameter + "=" + clause.Values[0],
        RuleClauseOperator.NotEqualTo => clause.Parameter + " is not " + clause.Values[0],
        _ => clause.Parameter + " is one of " + string.Join(", ", clause.Values),
    };
}
