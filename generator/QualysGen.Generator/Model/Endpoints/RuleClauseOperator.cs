namespace QualysGen.Generator.Model;

/// <summary>What one clause of a rule's condition tests about a parameter.</summary>
internal enum RuleClauseOperator
{
    /// <summary><c>{ "p": { "given": true } }</c>: the parameter is given.</summary>
    Given,

    /// <summary><c>{ "p": { "given": false } }</c>: the parameter is not given.</summary>
    NotGiven,

    /// <summary><c>{ "p": value }</c>: the parameter's value (or its default) is the value.</summary>
    EqualTo,

    /// <summary><c>{ "p": { "not": value } }</c>: the parameter is not given (and has no default equal to the value), or has another value.</summary>
    NotEqualTo,

    /// <summary><c>{ "p": { "in": [values] } }</c>: the parameter's value (or its default) is one of the values.</summary>
    In,
}
