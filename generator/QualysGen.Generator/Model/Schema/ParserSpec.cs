namespace QualysGen.Generator.Model;

/// <summary>
/// Everything the model and parser emitters need for one schema file, with C# names chosen.
/// The output of binding a <see cref="SchemaSpec"/> with its overlays and the options.
/// </summary>
/// <param name="HintName">The stem of the generated files' hint names: the file name from the binder, made unique among all inputs
/// (<see cref="Binding.HintNames"/>) before emitting.</param>
/// <param name="FilePath">The schema file's path, which that hint name is looked up by.</param>
/// <param name="SourceFile">The schema file name, for comments in the generated code.</param>
/// <param name="Namespace">The C# namespace of the generated types.</param>
/// <param name="Accessibility"><c>public</c> or <c>internal</c>.</param>
/// <param name="ParserClassName">The file-scoped class (in the parsers file) that holds the element readers.</param>
/// <param name="NamesClassName">The file-scoped class (in the parsers file) that holds the atomized element and attribute names.</param>
/// <param name="XmlNamespace">The elements' XML namespace, or empty.</param>
/// <param name="Names">Every name the parser compares, with the field that holds it.</param>
internal sealed record ParserSpec(
    string HintName,
    string FilePath,
    string SourceFile,
    string Namespace,
    string Accessibility,
    SchemaKind Kind,
    string ParserClassName,
    string NamesClassName,
    string XmlNamespace,
    EquatableArray<ClassSpec> Classes,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<RootSpec> Roots,
    EquatableArray<XmlNameSpec> Names);

/// <summary>An atomized name: the field in the names class and the XML local name it holds.</summary>
internal sealed record XmlNameSpec(string Field, string XmlName, bool IsAttribute);

/// <summary>A generated model class for an element with structure (children, attributes, or both).</summary>
/// <param name="TypeName">The C# class name.</param>
/// <param name="SchemaName">The element (DTD) or type (XSD) name it comes from.</param>
/// <param name="Documentation">Text for the summary, from the schema, or null.</param>
/// <param name="Members">Properties in content-model order: attributes first, then text, then children.</param>
/// <param name="Choices">The choice groups whose branch the caller can ask for.</param>
/// <param name="ContentText">How the element's own text is kept: not at all, as a typed value, or mixed text.</param>
/// <param name="Group">For the item of a repeated group (which has no element of its own): how its items are told apart; null for
/// the class of an element. <paramref name="SchemaName"/> is then the element the group is in.</param>
internal sealed record ClassSpec(
    string TypeName,
    string SchemaName,
    string? Documentation,
    EquatableArray<MemberSpec> Members,
    EquatableArray<ChoiceSpec> Choices,
    ContentTextKind ContentText,
    GroupItemSpec? Group = null);

/// <summary>
/// The item of a repeated sequence or choice (<c>(ID, TITLE, TYPE?)+</c>, <c>(ID | ID_RANGE)+</c>): a run of sibling elements that the
/// parser reads into one object, in document order. An item ends where the next one starts (an element at an earlier position of a
/// sequence, another branch of a choice, or a member the item already has), or at an element of the enclosing content.
/// </summary>
/// <param name="Kind"><see cref="ParticleKind.Sequence"/> or <see cref="ParticleKind.Choice"/>.</param>
/// <param name="Model">The group as the schema writes it (<c>(ID, TITLE, TYPE?)</c>), to name an item left out for a deviation.</param>
/// <param name="EndNames">The elements of the enclosing content outside the group: one of them ends the item. Any other element that
/// is not the group's is drift inside the item, skipped and reported.</param>
internal sealed record GroupItemSpec(ParticleKind Kind, string Model, EquatableArray<string> EndNames);

internal enum ContentTextKind
{
    None,
    Value,
    Mixed,
    Any,
}

/// <summary>One property of a model class and how the parser fills it.</summary>
/// <param name="PropertyName">The C# property name.</param>
/// <param name="Source">Where the value comes from.</param>
/// <param name="XmlName">The element or attribute name (for <see cref="MemberSource.WrappedList"/>: the wrapper; for
/// <see cref="MemberSource.Group"/>: the group's first element).</param>
/// <param name="ItemXmlName">For <see cref="MemberSource.WrappedList"/>: the repeated item element inside the wrapper.</param>
/// <param name="Value">The value type of the property or of its items.</param>
/// <param name="TypeName">For <see cref="XmlValueType.Enum"/> the enum name; for <see cref="MemberSource.ChildObject"/> and object lists the class name.</param>
/// <param name="IsList">Whether the property is a list.</param>
/// <param name="IsObject">Whether the value (or items) is a generated class rather than a text value.</param>
/// <param name="Required">Whether the parser fails when the value is absent (also makes the property non-nullable).</param>
/// <param name="DefaultValue">A default from the schema (attribute default or #FIXED), as the raw text.</param>
/// <param name="ChoiceIndex">The index into <see cref="ClassSpec.Choices"/> of the choice this member is a branch of, or -1.</param>
/// <param name="Documentation">Extra text for the summary, or null.</param>
/// <param name="ContentKey">For <see cref="MemberSource.WrappedList"/>: the schema key of the wrapper's content, which names its reader.</param>
/// <param name="EmptyValue">For a text child: the value an empty element stands for (an XSD element <c>default</c>), or null.</param>
/// <param name="Position">For a member of a group item: the position in the group (the particle of a sequence, the branch of a choice)
/// its element comes from; -1 elsewhere.</param>
/// <param name="GroupNames">For <see cref="MemberSource.Group"/>: every element of the group, each of which starts or continues an item.</param>
internal sealed record MemberSpec(
    string PropertyName,
    MemberSource Source,
    string XmlName,
    string? ItemXmlName,
    XmlValueType Value,
    string? TypeName,
    bool IsList,
    bool IsObject,
    bool Required,
    string? DefaultValue,
    int ChoiceIndex,
    string? Documentation,
    string? ContentKey = null,
    string? EmptyValue = null,
    int Position = -1,
    EquatableArray<string> GroupNames = default);

internal enum MemberSource
{
    /// <summary>An attribute of the element.</summary>
    Attribute,

    /// <summary>The element's own text (text-only elements that have attributes).</summary>
    Text,

    /// <summary>A child element (once, optional or repeated).</summary>
    Child,

    /// <summary>The items of a wrapper child: <c>LIST(ITEM+)</c> flattened into one list.</summary>
    WrappedList,

    /// <summary>An <c>EMPTY</c> child with no attributes: its presence.</summary>
    Presence,

    /// <summary>The items of a repeated group (<c>(ID | ID_RANGE)+</c>), each an object of the group's item class, in document order.</summary>
    Group,
}

/// <summary>A choice group whose branch a caller can ask for through an enum property.</summary>
/// <param name="PropertyName">The property that says which branch came.</param>
/// <param name="EnumName">The enum type of that property.</param>
/// <param name="Branches">The enum members, one per branch, with the element names that select them.</param>
/// <param name="Required">Whether one branch must come.</param>
internal sealed record ChoiceSpec(string PropertyName, string EnumName, EquatableArray<ChoiceBranchSpec> Branches, bool Required);

/// <summary>One branch of a choice: the enum member and the elements that, when met, mean this branch came.</summary>
internal sealed record ChoiceBranchSpec(string MemberName, EquatableArray<string> XmlNames);

/// <summary>A generated enum and the text of each member.</summary>
internal sealed record EnumSpec(string TypeName, string? Documentation, EquatableArray<EnumMemberSpec> Members);

/// <summary>An enum member and the text that means it.</summary>
internal sealed record EnumMemberSpec(string Name, string XmlValue);

/// <summary>A root element: its class gets the public <c>Parse</c> entry points and the record streams.</summary>
internal sealed record RootSpec(string TypeName, string XmlName, EquatableArray<RecordStreamSpec> Streams);

/// <summary>
/// A repeated record element under the root that can be streamed one by one, e.g. <c>SCAN</c> under
/// <c>RESPONSE/COMPLIANCE_SCHEDULE_SCAN_LIST</c>.
/// </summary>
/// <param name="MethodName">The public method (<c>EnumerateScansAsync</c>).</param>
/// <param name="Path">The element names from the root's first child down to the record's container (the record's parent).</param>
/// <param name="ItemXmlName">The record element name.</param>
/// <param name="ItemTypeName">The record class.</param>
/// <param name="Envelope">The classes from the root down to the records' container, each with the member the path goes on
/// through (a list wrapper's items are read by the runtime's level for wrappers).</param>
internal sealed record RecordStreamSpec(string MethodName, EquatableArray<string> Path, string ItemXmlName, string ItemTypeName, EquatableArray<EnvelopeLevelSpec> Envelope);

/// <summary>
/// A class around the records of a record stream, as the stream walks it: the generated level reads the class's attributes
/// and members but <paramref name="PathMember"/> as the class's element reader does, and checks its required members.
/// </summary>
/// <param name="TypeName">The generated level's class (nested in the parser class), unique among the namespace's types.</param>
/// <param name="ClassName">The model class whose element it is.</param>
/// <param name="PathMember">The property of the member the path goes on through: the next container, a list wrapper, or the records.</param>
internal sealed record EnvelopeLevelSpec(string TypeName, string ClassName, string PathMember);
