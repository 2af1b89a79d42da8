namespace QualysGen.Requests;

/// <summary>
/// The operators of a QPS <c>Criteria</c> filter (the <c>operator</c> attribute in the QPS XSDs). Which ones a field accepts depends
/// on its type; the generated filter sets offer only those. The newer gateway APIs use another vocabulary, which is not this enum.
/// </summary>
public enum QpsOperator
{
    /// <summary><c>EQUALS</c>.</summary>
    Equal,

    /// <summary><c>NOT EQUALS</c> (with a space on the wire).</summary>
    NotEqual,

    /// <summary><c>CONTAINS</c>: the text contains the value.</summary>
    Contains,

    /// <summary><c>GREATER</c>: strictly greater (a date: later).</summary>
    Greater,

    /// <summary><c>LESSER</c>: strictly less (a date: earlier).</summary>
    Lesser,

    /// <summary><c>IN</c>: one of a comma-separated list of values.</summary>
    In,

    /// <summary><c>NONE</c>: the field has no value (e.g. a web application with no tags).</summary>
    None,
}
