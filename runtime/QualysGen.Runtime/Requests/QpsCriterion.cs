using System;
using System.Collections.Generic;

namespace QualysGen.Requests;

/// <summary>
/// One QPS filter: <c>&lt;Criteria field="name" operator="CONTAINS"&gt;VULN&lt;/Criteria&gt;</c>. Get one from a generated filter set
/// (<c>WasScanFilter.Name.Contains("VULN")</c>), which offers for each field only the operators its type allows and writes the
/// value the way QPS reads it.
/// </summary>
/// <typeparam name="TFilterSet">The generated filter set the criterion belongs to, so that a request accepts only its own fields.</typeparam>
public readonly struct QpsCriterion<TFilterSet> : IEquatable<QpsCriterion<TFilterSet>>
{
    /// <summary>Creates a criterion; generated filter sets call this, users do not need to.</summary>
    /// <param name="field">The field name as QPS spells it (<c>webApp.name</c>).</param>
    /// <param name="operator">The operator.</param>
    /// <param name="value">The value as sent (for <see cref="QpsOperator.In"/> a comma-separated list; for <see cref="QpsOperator.None"/> empty).</param>
    public QpsCriterion(string field, QpsOperator @operator, string value)
    {
        Field = field ?? throw new ArgumentNullException(nameof(field));
        Operator = @operator;
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The field name as QPS spells it.</summary>
    public string Field { get; }

    /// <summary>The operator.</summary>
    public QpsOperator Operator { get; }

    /// <summary>The operator as written in the <c>operator</c> attribute (<c>NOT EQUALS</c>).</summary>
    public string OperatorText => Text(Operator);

    /// <summary>The value as sent.</summary>
    public string Value { get; }

    /// <summary>The wire spelling of an operator.</summary>
    public static string Text(QpsOperator @operator) => @operator switch
    {
        QpsOperator.Equal => "EQUALS",
        QpsOperator.NotEqual => "NOT EQUALS",
        QpsOperator.Contains => "CONTAINS",
        QpsOperator.Greater => "GREATER",
        QpsOperator.Lesser => "LESSER",
        QpsOperator.In => "IN",
        QpsOperator.None => "NONE",
        _ => throw new ArgumentOutOfRangeException(nameof(@operator), @operator, "Not a QPS operator."),
    };

    /// <summary>An <c>IN</c> criterion from a list of values, each written by <paramref name="format"/>; the list must not be empty.</summary>
    public static QpsCriterion<TFilterSet> In<T>(string field, IReadOnlyList<T> values, Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new QualysParameterException(QualysParameterRule.Value, [field], $"IN on {field} needs at least one value", nameof(values));
        }

        for (var i = 0; i < values.Count; i++)
        {
            var text = format(values[i]);
            if (string.IsNullOrEmpty(text) || text.IndexOf(',') >= 0)
            {
                throw new QualysParameterException(QualysParameterRule.Value, [field], $"IN on {field}: a value must not be empty or hold a comma", nameof(values));
            }
        }

        return new QpsCriterion<TFilterSet>(field, QpsOperator.In, QualysWire.Join(values, format));
    }

    /// <inheritdoc />
    public bool Equals(QpsCriterion<TFilterSet> other)
        => string.Equals(Field, other.Field, StringComparison.Ordinal) && Operator == other.Operator && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QpsCriterion<TFilterSet> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Field, Operator, Value);

    /// <summary>Whether two criteria are equal.</summary>
    public static bool operator ==(QpsCriterion<TFilterSet> left, QpsCriterion<TFilterSet> right) => left.Equals(right);

    /// <summary>Whether two criteria differ.</summary>
    public static bool operator !=(QpsCriterion<TFilterSet> left, QpsCriterion<TFilterSet> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"{Field} {OperatorText} {Value}";
}
