namespace QualysGen.Simulator.Schemas;

/// <summary>
/// One change to a DTD, the kind Qualys makes between releases: an element added, one removed, one made optional, an enumeration
/// value added. <see cref="SchemaPublisher.Publish(string, DtdEdit[])"/> applies them to the DTD it serves.
/// </summary>
/// <param name="Kind">What it does.</param>
/// <param name="Element">The parent element (for <see cref="DtdEditKind.AddEnumerationValue"/>: the element whose attribute changes).</param>
/// <param name="Name">The child element (for <see cref="DtdEditKind.AddEnumerationValue"/>: the attribute).</param>
/// <param name="Value">For <see cref="DtdEditKind.AddEnumerationValue"/>: the new value. For <see cref="DtdEditKind.AddElement"/>: the
/// occurrence indicator (<c>?</c> by default, <c>""</c> for a required element).</param>
public sealed record DtdEdit(DtdEditKind Kind, string Element, string Name, string Value)
{
    /// <summary>Adds <paramref name="child"/> at the end of <paramref name="parent"/>'s content model, optional unless <paramref name="required"/>.</summary>
    public static DtdEdit AddElement(string parent, string child, bool required = false) => new(DtdEditKind.AddElement, parent, child, required ? "" : "?");

    /// <summary>Removes <paramref name="child"/> from <paramref name="parent"/>'s content model.</summary>
    public static DtdEdit RemoveElement(string parent, string child) => new(DtdEditKind.RemoveElement, parent, child, "");

    /// <summary>Makes <paramref name="child"/> optional in <paramref name="parent"/>'s content model.</summary>
    public static DtdEdit MakeOptional(string parent, string child) => new(DtdEditKind.MakeOptional, parent, child, "");

    /// <summary>Adds <paramref name="value"/> to the enumerated attribute <paramref name="attribute"/> of <paramref name="element"/>.</summary>
    public static DtdEdit AddEnumerationValue(string element, string attribute, string value) => new(DtdEditKind.AddEnumerationValue, element, attribute, value);
}
