using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text;

namespace QualysGen.IntegrationTests.HostileInput;

/// <summary>
/// A canonical text of a generated model: every public property, by name, recursively; lists in order. Two parses agree
/// when their dumps are equal, whatever the model's shape (which the generator may change).
/// </summary>
internal static class ModelDump
{
    public static string Of(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("The model is deeper than a dump follows.");
        }

        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string text:
                builder.Append('"').Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return;
            case DateTimeOffset time:
                builder.Append(time.ToString("O", CultureInfo.InvariantCulture));
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal || value.GetType().IsEnum:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                return;
            case IEnumerable items:
                builder.Append('[');
                foreach (var item in items)
                {
                    Write(builder, item, depth + 1);
                    builder.Append(',');
                }

                builder.Append(']');
                return;
        }

        builder.Append('{');
        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            builder.Append(property.Name).Append('=');
            Write(builder, property.GetValue(value), depth + 1);
            builder.Append(';');
        }

        builder.Append('}');
    }
}
