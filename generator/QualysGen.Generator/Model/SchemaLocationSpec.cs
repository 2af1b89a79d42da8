namespace QualysGen.Generator.Model;

/// <summary>
/// Where a schema declares something the binder may report on, kept beside the schema (never in it, so that a moved line
/// re-reports diagnostics without binding again). The key: <c>E</c> for the declaration of element or type <c>E</c>,
/// <c>E/C</c> for the child <c>C</c> in <c>E</c>'s content, <c>E@a</c> for attribute <c>a</c> of <c>E</c>.
/// </summary>
internal sealed record SchemaLocationSpec(string Key, SourceLocationSpec Location)
{
    public static string Child(string parent, string child) => parent + "/" + child;

    public static string Attribute(string element, string attribute) => element + "@" + attribute;
}
