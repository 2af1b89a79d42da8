using System;
using System.Collections.Generic;
using System.Xml.Serialization;

// Hand-written classes for simple_return.dtd, annotated for XmlSerializer; XDocumentParsers fills the same classes.
namespace QualysGen.Benchmarks.HandWritten.SimpleReturn;

[XmlRoot("SIMPLE_RETURN")]
public sealed class SimpleReturnOutput
{
    [XmlElement("REQUEST")] public Request? Request { get; set; }
    [XmlElement("RESPONSE")] public Response Response { get; set; } = null!;
}

public sealed class Request
{
    [XmlIgnore] public DateTimeOffset Datetime { get; set; }
    [XmlElement("DATETIME")] public string DatetimeText { get => UtcText.Format(Datetime); set => Datetime = UtcText.Parse(value); }
    [XmlElement("USER_LOGIN")] public string UserLogin { get; set; } = null!;
    [XmlElement("RESOURCE")] public string Resource { get; set; } = null!;
    [XmlArray("PARAM_LIST"), XmlArrayItem("PARAM")] public List<Param>? Params { get; set; }
    [XmlElement("POST_DATA")] public string? PostData { get; set; }
}

public sealed class Param
{
    [XmlElement("KEY")] public string Key { get; set; } = null!;
    [XmlElement("VALUE")] public string Value { get; set; } = null!;
}

public sealed class Response
{
    [XmlIgnore] public DateTimeOffset Datetime { get; set; }
    [XmlElement("DATETIME")] public string DatetimeText { get => UtcText.Format(Datetime); set => Datetime = UtcText.Parse(value); }
    [XmlElement("CODE")] public string? Code { get; set; }
    [XmlElement("TEXT")] public string Text { get; set; } = null!;
    [XmlArray("ITEM_LIST"), XmlArrayItem("ITEM")] public List<Item>? Items { get; set; }
}

public sealed class Item
{
    [XmlElement("KEY")] public string Key { get; set; } = null!;
    [XmlElement("VALUE")] public List<string>? Values { get; set; }
}
