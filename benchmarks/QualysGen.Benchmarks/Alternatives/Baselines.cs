using System.IO;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using QualysGen.Benchmarks.HandWritten.ScanList;
using QualysGen.Benchmarks.HandWritten.SimpleReturn;
using QualysGen.Benchmarks.HandWritten.WasScans;

namespace QualysGen.Benchmarks.Alternatives;

/// <summary>
/// The two usual ways to read these responses without a generator, set up the way a careful team would: serializers
/// built once, reader settings built once, the DOCTYPE ignored (never resolved), whitespace between elements not reported.
/// </summary>
public static class Baselines
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static readonly XmlSerializer ScanListSerializer = new(typeof(ScanListOutput));
    private static readonly XmlSerializer SimpleReturnSerializer = new(typeof(SimpleReturnOutput));
    private static readonly XmlSerializer WasScanSerializer = new(typeof(WasScanResponse));

    public static ScanListOutput ScanListWithXmlSerializer(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return (ScanListOutput)ScanListSerializer.Deserialize(reader)!;
    }

    public static ScanListOutput ScanListWithXDocument(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return XDocumentProjection.ScanList(XDocument.Load(reader));
    }

    public static SimpleReturnOutput SimpleReturnWithXmlSerializer(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return (SimpleReturnOutput)SimpleReturnSerializer.Deserialize(reader)!;
    }

    public static SimpleReturnOutput SimpleReturnWithXDocument(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return XDocumentProjection.SimpleReturn(XDocument.Load(reader));
    }

    public static WasScanResponse WasScansWithXmlSerializer(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return (WasScanResponse)WasScanSerializer.Deserialize(reader)!;
    }

    public static WasScanResponse WasScansWithXDocument(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return XDocumentProjection.WasScans(XDocument.Load(reader));
    }

    /// <summary>The characters of all text, CDATA and attribute values, as <see cref="XmlReaderFloor"/> counts them.</summary>
    public static long ValueCharacters(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        var document = XDocument.Load(reader);
        long characters = 0;
        foreach (var node in document.DescendantNodes())
        {
            if (node is XText text)
            {
                characters += text.Value.Length;
            }
            else if (node is XElement element)
            {
                foreach (var attribute in element.Attributes())
                {
                    characters += attribute.Value.Length;
                }
            }
        }

        return characters;
    }
}
