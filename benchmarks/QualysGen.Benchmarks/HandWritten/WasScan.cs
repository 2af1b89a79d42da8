using System;
using System.Collections.Generic;
using System.Xml.Serialization;

// The classes a team would write by hand for XmlSerializer: the same data as the generated model of wasscan.xsd
// (QPS WAS 3.0, ServiceResponse with WasScan records), annotated with the XML names. XDocumentProjection fills the same
// classes. As for the scan list: lists stay null when their wrapper is absent (the generated model uses an empty array),
// date-times are bound through a text property with the generated parsers' formats (UtcText), and the enumerations are
// kept as text, like the generated model's *Raw properties (Qualys adds values without notice, and XmlSerializer throws
// on a value an enum does not name).
namespace QualysGen.Benchmarks.HandWritten.WasScans;

[XmlRoot("ServiceResponse")]
public sealed class WasScanResponse
{
    [XmlElement("responseCode")] public string ResponseCodeRaw { get; set; } = null!;
    [XmlElement("responseErrorDetails")] public ResponseErrorDetails? ResponseErrorDetails { get; set; }
    [XmlElement("count")] public int? Count { get; set; }
    [XmlElement("hasMoreRecords")] public bool? HasMoreRecords { get; set; }
    [XmlElement("lastId")] public long? LastId { get; set; }
    [XmlArray("data"), XmlArrayItem("WasScan")] public List<WasScan>? Data { get; set; }
}

public sealed class ResponseErrorDetails
{
    [XmlElement("errorMessage")] public string ErrorMessage { get; set; } = null!;
    [XmlElement("errorResolution")] public string? ErrorResolution { get; set; }
    [XmlElement("internalErrorCodeId")] public int? InternalErrorCodeId { get; set; }
}

public sealed class WasScan
{
    [XmlElement("id")] public long? Id { get; set; }
    [XmlElement("name")] public string? Name { get; set; }
    [XmlElement("reference")] public string? Reference { get; set; }
    [XmlElement("type")] public string? TypeRaw { get; set; }
    [XmlElement("mode")] public string? ModeRaw { get; set; }
    [XmlElement("multi")] public bool? Multi { get; set; }
    [XmlElement("progressiveScanning")] public string? ProgressiveScanning { get; set; }
    [XmlElement("webApp")] public WebApp? WebApp { get; set; }
    [XmlElement("target")] public WasScanTarget? Target { get; set; }
    [XmlElement("profile")] public WasScanOptionProfile? Profile { get; set; }
    [XmlElement("cancelAfterNHours")] public int? CancelAfterNHours { get; set; }
    [XmlElement("cancelTime")] public string? CancelTime { get; set; }
    [XmlElement("options")] public WasScanOptionList? Options { get; set; }
    [XmlIgnore] public DateTimeOffset? LaunchedDate { get; set; }
    [XmlElement("launchedDate")] public string? LaunchedDateText { get => LaunchedDate is { } value ? UtcText.Format(value) : null; set => LaunchedDate = UtcText.ParseOptional(value); }
    [XmlElement("launchedBy")] public User? LaunchedBy { get; set; }
    [XmlElement("status")] public string? StatusRaw { get; set; }
    [XmlElement("consolidatedStatus")] public string? ConsolidatedStatusRaw { get; set; }
    [XmlIgnore] public DateTimeOffset? EndScanDate { get; set; }
    [XmlElement("endScanDate")] public string? EndScanDateText { get => EndScanDate is { } value ? UtcText.Format(value) : null; set => EndScanDate = UtcText.ParseOptional(value); }
    [XmlElement("scanDuration")] public int? ScanDuration { get; set; }
    [XmlElement("summary")] public WasScanSummary? Summary { get; set; }
    [XmlElement("stats")] public WasScanStats? Stats { get; set; }
    [XmlElement("vulns")] public WasScanVulnList? Vulns { get; set; }
    [XmlElement("sensitiveContents")] public WasScanSensitiveContentList? SensitiveContents { get; set; }
    [XmlElement("igs")] public WasScanIgList? Igs { get; set; }
    [XmlElement("sendMail")] public bool? SendMail { get; set; }
    [XmlElement("sendOneMail")] public bool? SendOneMail { get; set; }
    [XmlElement("enableWAFAuth")] public bool? EnableWafAuth { get; set; }
    [XmlElement("cancelMode")] public string? CancelMode { get; set; }
    [XmlElement("canceledBy")] public User? CanceledBy { get; set; }
}

public sealed class WebApp
{
    [XmlElement("id")] public long? Id { get; set; }
    [XmlElement("name")] public string? Name { get; set; }
    [XmlElement("url")] public string? Url { get; set; }
    [XmlElement("tags")] public TagList? Tags { get; set; }
}

/// <summary>The QList of tags: <c>count</c> and <c>list</c> in responses; <c>set</c>, <c>add</c>, <c>remove</c>, <c>update</c> in update requests.</summary>
public sealed class TagList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("Tag")] public List<Tag>? List { get; set; }
    [XmlArray("set"), XmlArrayItem("Tag")] public List<Tag>? Set { get; set; }
    [XmlArray("add"), XmlArrayItem("Tag")] public List<Tag>? Add { get; set; }
    [XmlArray("remove"), XmlArrayItem("Tag")] public List<Tag>? Remove { get; set; }
    [XmlArray("update"), XmlArrayItem("Tag")] public List<Tag>? Update { get; set; }
}

public sealed class Tag
{
    [XmlElement("id")] public long Id { get; set; }
    [XmlElement("name")] public string? Name { get; set; }
}

public sealed class WasScanTarget
{
    [XmlElement("webApps")] public WebAppList? WebApps { get; set; }
    [XmlElement("webApp")] public WebApp? WebApp { get; set; }
    [XmlElement("tags")] public WasScanTargetTags? Tags { get; set; }
    [XmlElement("webAppAuthRecord")] public WebAppAuthRecord? WebAppAuthRecord { get; set; }
    [XmlElement("scannerAppliance")] public ScannerAppliance? ScannerAppliance { get; set; }
    [XmlElement("cancelOption")] public string? CancelOption { get; set; }
    [XmlElement("profileOption")] public string? ProfileOption { get; set; }
    [XmlElement("scannerOption")] public string? ScannerOption { get; set; }
    [XmlElement("authRecordOption")] public string? AuthRecordOption { get; set; }
    [XmlElement("proxy")] public HttpProxy? Proxy { get; set; }
}

public sealed class WebAppList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WebApp")] public List<WebApp>? List { get; set; }
    [XmlArray("set"), XmlArrayItem("WebApp")] public List<WebApp>? Set { get; set; }
    [XmlArray("add"), XmlArrayItem("WebApp")] public List<WebApp>? Add { get; set; }
    [XmlArray("remove"), XmlArrayItem("WebApp")] public List<WebApp>? Remove { get; set; }
}

public sealed class WasScanTargetTags
{
    [XmlElement("included")] public TagSelection? Included { get; set; }
    [XmlElement("excluded")] public TagSelection? Excluded { get; set; }
}

public sealed class TagSelection
{
    [XmlElement("option")] public string? Option { get; set; }
    [XmlElement("tagList")] public TagList? TagList { get; set; }
}

public sealed class WebAppAuthRecord
{
    [XmlElement("id")] public long? Id { get; set; }
    [XmlElement("name")] public string? Name { get; set; }
}

public sealed class ScannerAppliance
{
    [XmlElement("type")] public string TypeRaw { get; set; } = null!;
    [XmlElement("friendlyName")] public string? FriendlyName { get; set; }
}

public sealed class HttpProxy
{
    [XmlElement("id")] public long? Id { get; set; }
    [XmlElement("name")] public string? Name { get; set; }
    [XmlElement("url")] public string? Url { get; set; }
}

public sealed class WasScanOptionProfile
{
    [XmlElement("id")] public long? Id { get; set; }
    [XmlElement("name")] public string? Name { get; set; }
}

public sealed class WasScanOptionList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WasScanOption")] public List<WasScanOption>? List { get; set; }
}

public sealed class WasScanOption
{
    [XmlElement("name")] public string? Name { get; set; }
    [XmlElement("value")] public string? Value { get; set; }
}

public sealed class User
{
    [XmlElement("id")] public long? Id { get; set; }
    [XmlElement("username")] public string? Username { get; set; }
    [XmlElement("firstName")] public string? FirstName { get; set; }
    [XmlElement("lastName")] public string? LastName { get; set; }
}

public sealed class WasScanSummary
{
    [XmlElement("crawlDuration")] public long? CrawlDuration { get; set; }
    [XmlElement("testDuration")] public long? TestDuration { get; set; }
    [XmlElement("linksCrawled")] public int? LinksCrawled { get; set; }
    [XmlElement("nbRequests")] public int? NbRequests { get; set; }
    [XmlElement("resultsStatus")] public string? ResultsStatusRaw { get; set; }
    [XmlElement("authStatus")] public string? AuthStatusRaw { get; set; }
    [XmlElement("os")] public string? Os { get; set; }
}

public sealed class WasScanStats
{
    [XmlElement("global")] public WasScanGlobalStat? Global { get; set; }
    [XmlElement("byGroup")] public GroupStatList? ByGroup { get; set; }
    [XmlElement("byOwasp")] public OwaspStatList? ByOwasp { get; set; }
    [XmlElement("byWasc")] public WascStatList? ByWasc { get; set; }
}

public sealed class WasScanGlobalStat
{
    [XmlElement("nbVulnsTotal")] public int? NbVulnsTotal { get; set; }
    [XmlElement("nbVulnsLevel1")] public int? NbVulnsLevel1 { get; set; }
    [XmlElement("nbVulnsLevel2")] public int? NbVulnsLevel2 { get; set; }
    [XmlElement("nbVulnsLevel3")] public int? NbVulnsLevel3 { get; set; }
    [XmlElement("nbVulnsLevel4")] public int? NbVulnsLevel4 { get; set; }
    [XmlElement("nbVulnsLevel5")] public int? NbVulnsLevel5 { get; set; }
    [XmlElement("nbScsTotal")] public int? NbScsTotal { get; set; }
    [XmlElement("nbScsLevel1")] public int? NbScsLevel1 { get; set; }
    [XmlElement("nbScsLevel2")] public int? NbScsLevel2 { get; set; }
    [XmlElement("nbScsLevel3")] public int? NbScsLevel3 { get; set; }
    [XmlElement("nbScsLevel4")] public int? NbScsLevel4 { get; set; }
    [XmlElement("nbScsLevel5")] public int? NbScsLevel5 { get; set; }
    [XmlElement("nbIgsTotal")] public int? NbIgsTotal { get; set; }
    [XmlElement("nbIgsLevel1")] public int? NbIgsLevel1 { get; set; }
    [XmlElement("nbIgsLevel2")] public int? NbIgsLevel2 { get; set; }
    [XmlElement("nbIgsLevel3")] public int? NbIgsLevel3 { get; set; }
    [XmlElement("nbIgsLevel4")] public int? NbIgsLevel4 { get; set; }
    [XmlElement("nbIgsLevel5")] public int? NbIgsLevel5 { get; set; }
}

public sealed class GroupStatList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("GroupStat")] public List<GroupStat>? List { get; set; }
}

public sealed class GroupStat
{
    [XmlElement("group")] public string? Group { get; set; }
    [XmlElement("nbTotal")] public int? NbTotal { get; set; }
    [XmlElement("nbLevel1")] public int? NbLevel1 { get; set; }
    [XmlElement("nbLevel2")] public int? NbLevel2 { get; set; }
    [XmlElement("nbLevel3")] public int? NbLevel3 { get; set; }
    [XmlElement("nbLevel4")] public int? NbLevel4 { get; set; }
    [XmlElement("nbLevel5")] public int? NbLevel5 { get; set; }
}

public sealed class OwaspStatList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("OwaspStat")] public List<OwaspStat>? List { get; set; }
}

public sealed class OwaspStat
{
    [XmlElement("owasp")] public string? Owasp { get; set; }
    [XmlElement("nbTotal")] public int? NbTotal { get; set; }
    [XmlElement("nbLevel1")] public int? NbLevel1 { get; set; }
    [XmlElement("nbLevel2")] public int? NbLevel2 { get; set; }
    [XmlElement("nbLevel3")] public int? NbLevel3 { get; set; }
    [XmlElement("nbLevel4")] public int? NbLevel4 { get; set; }
    [XmlElement("nbLevel5")] public int? NbLevel5 { get; set; }
}

public sealed class WascStatList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WascStat")] public List<WascStat>? List { get; set; }
}

public sealed class WascStat
{
    [XmlElement("wasc")] public string? Wasc { get; set; }
    [XmlElement("nbTotal")] public int? NbTotal { get; set; }
    [XmlElement("nbLevel1")] public int? NbLevel1 { get; set; }
    [XmlElement("nbLevel2")] public int? NbLevel2 { get; set; }
    [XmlElement("nbLevel3")] public int? NbLevel3 { get; set; }
    [XmlElement("nbLevel4")] public int? NbLevel4 { get; set; }
    [XmlElement("nbLevel5")] public int? NbLevel5 { get; set; }
}

public sealed class WasScanVulnList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WasScanVuln")] public List<WasScanVuln>? List { get; set; }
}

public sealed class WasScanVuln
{
    [XmlElement("qid")] public long? Qid { get; set; }
    [XmlElement("title")] public string? Title { get; set; }
    [XmlElement("uri")] public string? Uri { get; set; }
    [XmlElement("param")] public string? Param { get; set; }
    [XmlElement("content")] public string? Content { get; set; }
    [XmlElement("instances")] public WasScanVulnInstanceList? Instances { get; set; }
}

public sealed class WasScanVulnInstanceList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WasScanVulnInstance")] public List<WasScanVulnInstance>? List { get; set; }
}

public sealed class WasScanVulnInstance
{
    [XmlElement("authenticated")] public bool? Authenticated { get; set; }
    [XmlElement("form")] public string? Form { get; set; }
    [XmlElement("payloads")] public WasScanVulnPayloadList? Payloads { get; set; }
}

public sealed class WasScanVulnPayloadList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WasScanVulnPayload")] public List<WasScanVulnPayload>? List { get; set; }
}

public sealed class WasScanVulnPayload
{
    [XmlElement("payload")] public string? Payload { get; set; }
    [XmlElement("result")] public Base64Cdata? Result { get; set; }
}

public sealed class WasScanSensitiveContentList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WasScanSensitiveContent")] public List<WasScanSensitiveContent>? List { get; set; }
}

public sealed class WasScanSensitiveContent
{
    [XmlElement("qid")] public long? Qid { get; set; }
    [XmlElement("title")] public string? Title { get; set; }
    [XmlElement("uri")] public string? Uri { get; set; }
    [XmlElement("param")] public string? Param { get; set; }
    [XmlElement("content")] public string? Content { get; set; }
    [XmlElement("instances")] public WasScanSensitiveContentInstanceList? Instances { get; set; }
}

public sealed class WasScanSensitiveContentInstanceList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WasScanSensitiveContentInstance")] public List<WasScanSensitiveContentInstance>? List { get; set; }
}

public sealed class WasScanSensitiveContentInstance
{
    [XmlElement("authenticated")] public bool? Authenticated { get; set; }
    [XmlElement("form")] public string? Form { get; set; }
    [XmlElement("payloads")] public WasScanSensitiveContentPayloadList? Payloads { get; set; }
}

public sealed class WasScanSensitiveContentPayloadList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WasScanSensitiveContentPayload")] public List<WasScanSensitiveContentPayload>? List { get; set; }
}

public sealed class WasScanSensitiveContentPayload
{
    [XmlElement("payload")] public string? Payload { get; set; }
    [XmlElement("result")] public Base64Cdata? Result { get; set; }
}

public sealed class WasScanIgList
{
    [XmlElement("count")] public int? Count { get; set; }
    [XmlArray("list"), XmlArrayItem("WasScanIg")] public List<WasScanIg>? List { get; set; }
}

public sealed class WasScanIg
{
    [XmlElement("qid")] public long? Qid { get; set; }
    [XmlElement("title")] public string? Title { get; set; }
    [XmlElement("data")] public Base64Cdata? Data { get; set; }
    [XmlElement("sslData")] public string? SslData { get; set; }
}

/// <summary>Text that is base64 when <c>base64="true"</c> (kept as sent, like the generated model: Qualys may leave out the padding).</summary>
public sealed class Base64Cdata
{
    [XmlAttribute("base64")] public bool Base64 { get; set; }
    [XmlText] public string Value { get; set; } = "";
}
