using System.Collections.Generic;
using System.Xml.Schema;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Parsing.Xsd;

/// <summary>What C# value an XSD simple type (or the text of a complex type with simple content) maps to.</summary>
internal static class XsdValueTypes
{
    /// <summary>How far a derivation chain is followed (XmlSchemaSet rejects cycles; this only bounds the walk).</summary>
    private const int MaxDerivationDepth = 64;

    /// <summary>
    /// The value type of <paramref name="type"/>: <see cref="XmlValueType.Enum"/> with the values when a restriction in its
    /// derivation chain lists <c>xs:enumeration</c>s (the nearest one wins, as it narrows the others), else the value type of
    /// the built-in type it derives from. Lists and unions are text.
    /// </summary>
    public static (XmlValueType Type, EquatableArray<string> EnumValues) Describe(XmlSchemaSimpleType type)
    {
        var enumValues = FindEnumerations(type);
        if (!enumValues.IsEmpty)
        {
            return (XmlValueType.Enum, enumValues);
        }

        var variety = type.Datatype?.Variety ?? XmlSchemaDatatypeVariety.Atomic;
        return variety == XmlSchemaDatatypeVariety.Atomic
            ? (FromTypeCode(type.TypeCode), EquatableArray<string>.Empty)
            : (XmlValueType.String, EquatableArray<string>.Empty);
    }

    /// <summary>The value type of the text of a complex type with simple content (<c>xs:simpleContent</c>), following its bases.</summary>
    public static (XmlValueType Type, EquatableArray<string> EnumValues) DescribeSimpleContent(XmlSchemaComplexType type)
    {
        XmlSchemaType? current = type;
        for (var depth = 0; current is XmlSchemaComplexType complex && depth < MaxDerivationDepth; depth++)
        {
            switch (complex.ContentModel?.Content)
            {
                case XmlSchemaSimpleContentRestriction restriction:
                    var enumValues = Enumerations(restriction.Facets);
                    if (!enumValues.IsEmpty)
                    {
                        return (XmlValueType.Enum, enumValues);
                    }

                    if (restriction.BaseType is { } inline)
                    {
                        return Describe(inline);
                    }

                    current = complex.BaseXmlSchemaType;
                    break;
                case XmlSchemaSimpleContentExtension:
                    current = complex.BaseXmlSchemaType;
                    break;
                default:
                    current = null;
                    break;
            }
        }

        if (current is XmlSchemaSimpleType simple)
        {
            return Describe(simple);
        }

        var datatype = type.Datatype;
        return datatype is { Variety: XmlSchemaDatatypeVariety.Atomic }
            ? (FromTypeCode(datatype.TypeCode), EquatableArray<string>.Empty)
            : (XmlValueType.String, EquatableArray<string>.Empty);
    }

    /// <summary>The C# value of a built-in type: integers that fit in 32 bits → Int32, other integers → Int64, and so on; everything else is text.</summary>
    public static XmlValueType FromTypeCode(XmlTypeCode typeCode) => typeCode switch
    {
        XmlTypeCode.Int or XmlTypeCode.Short or XmlTypeCode.Byte or XmlTypeCode.UnsignedShort or XmlTypeCode.UnsignedByte => XmlValueType.Int32,
        XmlTypeCode.Long or XmlTypeCode.Integer or XmlTypeCode.UnsignedInt or XmlTypeCode.PositiveInteger or XmlTypeCode.NonNegativeInteger
            or XmlTypeCode.NegativeInteger or XmlTypeCode.NonPositiveInteger => XmlValueType.Int64,
        XmlTypeCode.Boolean => XmlValueType.Boolean,
        XmlTypeCode.DateTime or XmlTypeCode.Date => XmlValueType.DateTimeOffset,
        XmlTypeCode.Decimal or XmlTypeCode.Double or XmlTypeCode.Float => XmlValueType.Decimal,
        _ => XmlValueType.String,
    };

    private static EquatableArray<string> FindEnumerations(XmlSchemaSimpleType type)
    {
        XmlSchemaSimpleType? current = type;
        for (var depth = 0; current is not null && depth < MaxDerivationDepth; depth++)
        {
            if (current.QualifiedName.Namespace == XmlSchema.Namespace || current.Content is not XmlSchemaSimpleTypeRestriction restriction)
            {
                break; // a built-in type, a list or a union: no enumeration
            }

            var enumValues = Enumerations(restriction.Facets);
            if (!enumValues.IsEmpty)
            {
                return enumValues;
            }

            current = current.BaseXmlSchemaType as XmlSchemaSimpleType ?? restriction.BaseType;
        }

        return EquatableArray<string>.Empty;
    }

    /// <summary>The <c>xs:enumeration</c> values in document order, verbatim (<c>NOT EQUALS</c> keeps its space), each once.</summary>
    private static EquatableArray<string> Enumerations(XmlSchemaObjectCollection facets)
    {
        List<string>? values = null;
        HashSet<string>? seen = null;
        foreach (var facet in facets)
        {
            if (facet is XmlSchemaEnumerationFacet { Value: { } value })
            {
                values ??= new List<string>();
                seen ??= new HashSet<string>(System.StringComparer.Ordinal);
                if (seen.Add(value))
                {
                    values.Add(value);
                }
            }
        }

        return values is null ? EquatableArray<string>.Empty : values.ToEquatableArray();
    }
}
