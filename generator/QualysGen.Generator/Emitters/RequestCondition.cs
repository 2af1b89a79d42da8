using System.Collections.Generic;
using System.Linq;

namespace QualysGen.Generator.Emitters;

/// <summary>
/// A boolean C# expression being built for a rule check, folded where a part is known (a required property is always given), so that
/// the emitted code has no constant conditions (which the compiler warns about as unreachable code).
/// </summary>
internal readonly struct RequestCondition
{
    private enum Shape
    {
        Constant,
        Atom,
        And,
        Or,
    }

    private readonly Shape _shape;
    private readonly string _code;
    private readonly bool _value;
    private readonly string? _negated;
    private readonly RequestCondition[]? _parts;

    private RequestCondition(Shape shape, string code, bool value, string? negated = null, RequestCondition[]? parts = null)
    {
        _shape = shape;
        _code = code;
        _value = value;
        _negated = negated;
        _parts = parts;
    }

    public static RequestCondition True => new(Shape.Constant, "true", true);

    public static RequestCondition False => new(Shape.Constant, "false", false);

    /// <summary>True or false when the value is known at generation time.</summary>
    public bool? Constant => _shape == Shape.Constant ? _value : null;

    /// <summary>
    /// An expression that binds tighter than <c>&amp;&amp;</c> (a comparison, a call, a parenthesized expression), with its negation
    /// when it has a natural one (<c>a == b</c> / <c>a != b</c>).
    /// </summary>
    public static RequestCondition Atom(string code, string? negated = null) => new(Shape.Atom, code, false, negated);

    public static RequestCondition Of(bool value) => value ? True : False;

    public static RequestCondition And(IEnumerable<RequestCondition> parts)
    {
        var list = new List<RequestCondition>();
        foreach (var part in parts)
        {
            if (part.Constant == false)
            {
                return False;
            }

            if (part.Constant != true)
            {
                list.Add(part);
            }
        }

        return list.Count switch
        {
            0 => True,
            1 => list[0],
            _ => new RequestCondition(Shape.And, string.Join(" && ", list.Select(p => p._shape == Shape.Or ? "(" + p._code + ")" : p._code)), false, null, list.ToArray()),
        };
    }

    public static RequestCondition Or(IEnumerable<RequestCondition> parts)
    {
        var list = new List<RequestCondition>();
        foreach (var part in parts)
        {
            if (part.Constant == true)
            {
                return True;
            }

            if (part.Constant != false)
            {
                list.Add(part);
            }
        }

        return list.Count switch
        {
            0 => False,
            1 => list[0],
            _ => new RequestCondition(Shape.Or, string.Join(" || ", list.Select(p => p._code)), false, null, list.ToArray()),
        };
    }

    public static RequestCondition And(params RequestCondition[] parts) => And((IEnumerable<RequestCondition>)parts);

    public static RequestCondition Or(params RequestCondition[] parts) => Or((IEnumerable<RequestCondition>)parts);

    public RequestCondition Not()
    {
        if (Constant is { } value)
        {
            return Of(!value);
        }

        if (_shape == Shape.Atom && _negated is not null)
        {
            return Atom(_negated, _code);
        }

        // De Morgan, when every part has a natural negation: !(a || b) is !a && !b.
        if (_parts is not null && _parts.All(p => p._shape == Shape.Atom && p._negated is not null))
        {
            var negated = _parts.Select(p => p.Not());
            return _shape == Shape.Or ? And(negated) : Or(negated);
        }

        return Atom("!(" + _code + ")");
    }

    public override string ToString() => _code;
}
