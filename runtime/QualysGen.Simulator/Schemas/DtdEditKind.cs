namespace QualysGen.Simulator.Schemas;

/// <summary>What a <see cref="DtdEdit"/> does to a DTD.</summary>
public enum DtdEditKind
{
    /// <summary>A new child at the end of a parent's content model, declared as <c>(#PCDATA)</c>.</summary>
    AddElement,

    /// <summary>A child taken out of a parent's content model (and its declarations, when nothing else uses it).</summary>
    RemoveElement,

    /// <summary>A child of a parent made optional: <c>X</c> becomes <c>X?</c>, <c>X+</c> becomes <c>X*</c>.</summary>
    MakeOptional,

    /// <summary>A value added to an enumerated attribute: <c>(0|1)</c> becomes <c>(0|1|2)</c>.</summary>
    AddEnumerationValue,
}
