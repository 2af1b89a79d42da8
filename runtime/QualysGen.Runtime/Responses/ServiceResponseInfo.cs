namespace QualysGen.Responses;

/// <summary>The head of a QPS <c>ServiceResponse</c>: everything before <c>data</c>.</summary>
internal sealed class ServiceResponseInfo
{
    public string ResponseCode { get; set; } = "";

    public string? ErrorMessage { get; set; }

    public string? ErrorResolution { get; set; }

    public int? InternalErrorCodeId { get; set; }

    public int? Count { get; set; }

    public bool HasMoreRecords { get; set; }

    public string? LastId { get; set; }

    public bool IsSuccess => ResponseCode == "SUCCESS";
}
