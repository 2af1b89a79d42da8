using System;
using System.Collections.Generic;

namespace QualysGen.Requests;

/// <summary>
/// Thrown by a generated request's <c>Build()</c> when a parameter breaks a rule that the Qualys documentation states:
/// a range, a maximum length, a required parameter, or a rule between parameters (one of, mutually exclusive, together,
/// valid only when, required when). Nothing has been sent when it is thrown. It is an <see cref="ArgumentException"/>,
/// so code that already handles bad arguments handles it too.
/// </summary>
public sealed class QualysParameterException : ArgumentException
{
    /// <summary>Creates the exception; generated code uses it, users do not need to.</summary>
    /// <param name="rule">The rule that was broken.</param>
    /// <param name="parameters">The parameters the rule is about, by their names on the wire (<c>option_id</c>).</param>
    /// <param name="message">The rule in words, naming the parameters (without the rule kind, which is appended).</param>
    /// <param name="paramName">The C# property to blame when the rule is about one parameter; otherwise null.</param>
    public QualysParameterException(QualysParameterRule rule, IReadOnlyList<string> parameters, string message, string? paramName = null)
        : base(message + " (rule: " + RuleName(rule) + ")", paramName)
    {
        Rule = rule;
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
    }

    /// <summary>The rule that was broken.</summary>
    public QualysParameterRule Rule { get; }

    /// <summary>The parameters the rule is about, by their names on the wire (as the Qualys documentation spells them).</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The rule's name as the messages spell it: <c>one-of-required</c>, <c>valid-only-when</c>, ….</summary>
    public static string RuleName(QualysParameterRule rule) => rule switch
    {
        QualysParameterRule.Required => "required",
        QualysParameterRule.Range => "range",
        QualysParameterRule.MaxLength => "max-length",
        QualysParameterRule.Value => "value",
        QualysParameterRule.OneOfRequired => "one-of-required",
        QualysParameterRule.MutuallyExclusive => "mutually-exclusive",
        QualysParameterRule.Together => "must-be-together",
        QualysParameterRule.ValidOnlyWhen => "valid-only-when",
        QualysParameterRule.RequiredWhen => "required-when",
        _ => rule.ToString(),
    };
}
