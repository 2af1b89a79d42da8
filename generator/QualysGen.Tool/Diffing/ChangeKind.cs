namespace QualysGen.Tool.Diffing;

/// <summary>What happened to a member of the generated API.</summary>
internal enum ChangeKind
{
    Added,
    Removed,

    /// <summary>The same name in another case (a C# name, or the XML name the parser matches, which is case-sensitive).</summary>
    RenamedCase,

    MadeOptional,
    MadeRequired,
    Retyped,
    ListToSingle,
    SingleToList,
    ChoiceChanged,

    /// <summary>A version gained an end-of-support date: its request class becomes <c>[Obsolete]</c>.</summary>
    ReachedEndOfSupport,

    /// <summary>A version gained an end-of-life date: after it, Qualys no longer answers it.</summary>
    ReachedEndOfLife,

    /// <summary>An endpoint's unversioned request class now sends another version.</summary>
    EntryMoved,

    /// <summary>Anything else that changes what the API reads or sends (an XML or wire name, a lifecycle date, the text kind).</summary>
    Changed,
}
