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
/// <param name="Elements">The content declarations. For a DTD: one per <c>&lt;!ELEMENT&gt;</c>, keyed by element name. For an XSD: one per complex
/// type (named: keyed by the type name; anonymous: keyed by the path of its element, <c>ServiceResponse/data</c>) and one per simple type
/// that carries information (enumerations, keyed the same way; built-in types keyed <c>xs:long</c> etc.).</param>
/// <param name="GlobalElements">For an XSD: the top-level <c>xs:element</c> declarations (the candidate roots). Empty for a DTD, whose
/// roots are the elements no other element references.</param>
internal sealed record SchemaSpec(
    string FilePath,
    string FileName,
    SchemaKind Kind,
    string TargetNamespace,
    EquatableArray<ElementSpec> Elements,
    EquatableArray<GlobalElementSpec> GlobalElements = default);

/// <summary>A top-level element declaration of an XSD: its name and the key of the <see cref="ElementSpec"/> that describes its content.</summary>
internal sealed record GlobalElementSpec(string Name, string ContentRef);

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
/// <param name="TextEnumValues">For <see cref="XmlValueType.Enum"/> text: the allowed values.</param>
/// <param name="TypeName">A name for the C# type (class or enum) when the schema gives one (an XSD type name); null to derive it from <paramref name="Name"/>.</param>
internal sealed record ElementSpec(
    string Name,
    ContentKind Content,
    ParticleSpec? Particle,
    EquatableArray<AttributeSpec> Attributes,
    string? Documentation,
    XmlValueType TextType = XmlValueType.String,
    EquatableArray<string> TextEnumValues = default,
    string? TypeName = null);

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
/// <param name="ContentRef">For <see cref="ParticleKind.Element"/> in an XSD: the key of the <see cref="ElementSpec"/> that describes this
/// element's content (its type). Null in a DTD, where the element name is the key.</param>
/// <param name="DefaultValue">For an XSD element with <c>default</c> or <c>fixed</c>: that value.</param>
internal sealed record ParticleSpec(
    ParticleKind Kind,
    string? Name,
    Occurrence Occurs,
    EquatableArray<ParticleSpec> Children,
    string? ContentRef = null,
    string? DefaultValue = null)
{
    /// <summary>The key of the element's content declaration.</summary>
    public string? Key => ContentRef ?? Name;

    public static ParticleSpec Element(string name, Occurrence occurs = Occurrence.One)
        => new(ParticleKind.Element, name, occurs, EquatableArray<ParticleSpec>.Empty);

    public static ParticleSpec Element(string name, string contentRef, Occurrence occurs = Occurrence.One)
        => new(ParticleKind.Element, name, occurs, EquatableArray<ParticleSpec>.Empty, contentRef);

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
