namespace QualysGen.Generator.Model;

/// <summary>
/// One schema file (.dtd or .xsd) read into the shape both readers share: global element
/// declarations with their content model and attributes. Holds no locations, so editing
/// whitespace or comments in the file leaves it equal.
/// </summary>
/// <param name="FilePath">The file's path as the compiler gives it.</param>
/// <param name="FileName">The file name with extension (what spec JSON files refer to).</param>
/// <param name="Kind">Which reader produced it.</param>
/// <param name="TargetNamespace">The XML namespace of the elements, or empty.</param>
internal sealed record SchemaSpec(
    string FilePath,
    string FileName,
    SchemaKind Kind,
    string TargetNamespace,
    EquatableArray<ElementSpec> Elements);

internal enum SchemaKind
{
    Dtd,
    Xsd,
}

/// <summary>An element declaration: <c>&lt;!ELEMENT name content&gt;</c> plus its <c>&lt;!ATTLIST&gt;</c>.</summary>
/// <param name="Name">The element name.</param>
/// <param name="Content">What the element may contain.</param>
/// <param name="Particle">For <see cref="ContentKind.Children"/> and <see cref="ContentKind.Mixed"/>: the content model. Mixed content is a
/// <see cref="ParticleKind.Choice"/> of the allowed elements with <see cref="Occurrence.ZeroOrMore"/>.</param>
/// <param name="Attributes">The declared attributes in declaration order.</param>
/// <param name="Documentation">Comment text that documents the element (the comment right before the declaration), or null.</param>
/// <param name="TextType">For XSD simple content: the built-in type of the text; <see cref="XmlValueType.String"/> for DTDs.</param>
internal sealed record ElementSpec(
    string Name,
    ContentKind Content,
    ParticleSpec? Particle,
    EquatableArray<AttributeSpec> Attributes,
    string? Documentation,
    XmlValueType TextType = XmlValueType.String,
    EquatableArray<string> TextEnumValues = default);

internal enum ContentKind
{
    /// <summary><c>EMPTY</c>: no content, attributes only.</summary>
    Empty,

    /// <summary><c>ANY</c>: any well-formed content.</summary>
    Any,

    /// <summary><c>(#PCDATA)</c>: text only.</summary>
    Text,

    /// <summary><c>(#PCDATA|A|B)*</c>: text interleaved with the listed elements.</summary>
    Mixed,

    /// <summary>Element content: a sequence or choice of child elements.</summary>
    Children,
}

/// <summary>A node of a content model: an element reference or a group of particles.</summary>
/// <param name="Kind">Element reference, sequence <c>(a, b)</c>, choice <c>(a | b)</c> or XSD <c>all</c>.</param>
/// <param name="Name">For <see cref="ParticleKind.Element"/>: the referenced element's name; otherwise null.</param>
/// <param name="Occurs">The occurrence indicator: none, <c>?</c>, <c>*</c> or <c>+</c>.</param>
/// <param name="Children">For groups: the members in order.</param>
internal sealed record ParticleSpec(
    ParticleKind Kind,
    string? Name,
    Occurrence Occurs,
    EquatableArray<ParticleSpec> Children)
{
    public static ParticleSpec Element(string name, Occurrence occurs = Occurrence.One)
        => new(ParticleKind.Element, name, occurs, EquatableArray<ParticleSpec>.Empty);

    public static ParticleSpec Group(ParticleKind kind, Occurrence occurs, params ParticleSpec[] children)
        => new(kind, null, occurs, children.ToEquatableArray());
}

internal enum ParticleKind
{
    Element,
    Sequence,
    Choice,
    All,
}

internal enum Occurrence
{
    /// <summary>Exactly once.</summary>
    One,

    /// <summary><c>?</c></summary>
    Optional,

    /// <summary><c>*</c></summary>
    ZeroOrMore,

    /// <summary><c>+</c></summary>
    OneOrMore,
}

/// <summary>One attribute of an <c>&lt;!ATTLIST&gt;</c>.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Type">The declared type.</param>
/// <param name="EnumValues">For <see cref="AttributeType.Enumeration"/> and <see cref="AttributeType.Notation"/>: the allowed values.</param>
/// <param name="Presence"><c>#REQUIRED</c>, <c>#IMPLIED</c>, <c>#FIXED</c> or a plain default.</param>
/// <param name="DefaultValue">The default or fixed value, or null.</param>
/// <param name="ValueType">For XSD attributes: the built-in type of the value; <see cref="XmlValueType.String"/> for DTDs.</param>
internal sealed record AttributeSpec(
    string Name,
    AttributeType Type,
    EquatableArray<string> EnumValues,
    AttributePresence Presence,
    string? DefaultValue,
    XmlValueType ValueType = XmlValueType.String);

internal enum AttributeType
{
    CData,
    Id,
    IdRef,
    IdRefs,
    Entity,
    Entities,
    NmToken,
    NmTokens,
    Notation,
    Enumeration,
}

internal enum AttributePresence
{
    /// <summary><c>#REQUIRED</c></summary>
    Required,

    /// <summary><c>#IMPLIED</c></summary>
    Implied,

    /// <summary><c>#FIXED "value"</c></summary>
    Fixed,

    /// <summary>A plain default value: <c>"value"</c>.</summary>
    Default,
}

/// <summary>The value types a text or attribute maps to in C#.</summary>
internal enum XmlValueType
{
    String,
    Int32,
    Int64,
    Boolean,
    DateTimeOffset,
    Decimal,
    Enum,
}
