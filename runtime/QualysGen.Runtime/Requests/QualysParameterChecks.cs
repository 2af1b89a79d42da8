using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace QualysGen.Requests;

/// <summary>
/// The value checks that generated request builders run before building a request: required, range, maximum length and
/// list items. Each failure is a <see cref="QualysParameterException"/> naming the parameter on the wire and the C# property.
/// Not meant to be called by hand; its shape may change between versions together with the generator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class QualysParameterChecks
{
    /// <summary>A required text must be given and not empty.</summary>
    public static void Required(string? value, string parameter, string property)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new QualysParameterException(
                QualysParameterRule.Required, [parameter], value is null ? $"{parameter} is required" : $"{parameter} is required and must not be empty", property);
        }
    }

    /// <summary>A required list must be given and hold at least one item.</summary>
    public static void Required<T>(IReadOnlyList<T>? value, string parameter, string property)
    {
        if (value is null || value.Count == 0)
        {
            throw new QualysParameterException(
                QualysParameterRule.Required, [parameter], value is null ? $"{parameter} is required" : $"{parameter} is required and must hold at least one value", property);
        }
    }

    /// <summary>A required body must be given and not empty.</summary>
    public static void Required(ReadOnlyMemory<byte> value, string parameter, string property)
    {
        if (value.IsEmpty)
        {
            throw new QualysParameterException(QualysParameterRule.Required, [parameter], $"{parameter} is required and must not be empty", property);
        }
    }

    /// <summary>A number, when given, must be within <paramref name="min"/> and <paramref name="max"/> (each optional), both included.</summary>
    public static void Range(long? value, long? min, long? max, string parameter, string property)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new QualysParameterException(QualysParameterRule.Range, [parameter], $"{parameter} {Bounds(min, max)}; it is {v.ToString(CultureInfo.InvariantCulture)}", property);
        }
    }

    /// <summary>Every number of a list, when given, must be within <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static void Range(IReadOnlyList<int>? values, long? min, long? max, string parameter, string property)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            Range(values[i], min, max, parameter, property);
        }
    }

    /// <summary>Every number of a list, when given, must be within <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static void Range(IReadOnlyList<long>? values, long? min, long? max, string parameter, string property)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            Range(values[i], min, max, parameter, property);
        }
    }

    /// <summary>A text, when given, must be at most <paramref name="maxLength"/> characters long.</summary>
    public static void MaxLength(string? value, int maxLength, string parameter, string property)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new QualysParameterException(
                QualysParameterRule.MaxLength,
                [parameter],
                $"{parameter} may be at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters long; it is {value.Length.ToString(CultureInfo.InvariantCulture)}",
                property);
        }
    }

    /// <summary>
    /// The items of a comma-separated list, when given, must not be null or empty and must not hold a comma themselves
    /// (Qualys would read such an item as two).
    /// </summary>
    public static void ListItems(IReadOnlyList<string>? values, string parameter, string property)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var item = values[i];
            if (string.IsNullOrEmpty(item))
            {
                throw new QualysParameterException(
                    QualysParameterRule.Value, [parameter], $"{parameter}[{i.ToString(CultureInfo.InvariantCulture)}] is empty; a list item must have a value", property);
            }

            if (item.IndexOf(',') >= 0)
            {
                throw new QualysParameterException(
                    QualysParameterRule.Value, [parameter], $"{parameter}[{i.ToString(CultureInfo.InvariantCulture)}] holds a comma, which separates list items", property);
            }
        }
    }

    /// <summary>An enum value that is not one of the enum's members (a cast from a number) cannot be sent.</summary>
    public static QualysParameterException UndefinedEnumValue<TEnum>(TEnum value, string parameter, string property)
        where TEnum : struct, Enum
        => new(QualysParameterRule.Value, [parameter], $"{parameter} has the value {value}, which is not a member of {typeof(TEnum).Name}", property);

    /// <summary>The exception for a broken rule between parameters (one-of-required, mutually-exclusive, must-be-together).</summary>
    public static QualysParameterException RuleBroken(QualysParameterRule rule, string message, params string[] parameters)
        => new(rule, parameters, message);

    /// <summary>The exception for a rule broken by one parameter (valid-only-when, required-when), blaming its C# property.</summary>
    public static QualysParameterException ParameterBroken(QualysParameterRule rule, string message, string parameter, string property)
        => new(rule, [parameter], message, property);

    private static string Bounds(long? min, long? max) => (min, max) switch
    {
        ({ } lo, { } hi) => $"must be from {lo.ToString(CultureInfo.InvariantCulture)} to {hi.ToString(CultureInfo.InvariantCulture)}",
        ({ } lo, null) => $"must be at least {lo.ToString(CultureInfo.InvariantCulture)}",
        (null, { } hi) => $"must be at most {hi.ToString(CultureInfo.InvariantCulture)}",
        _ => "is out of range",
    };
}
