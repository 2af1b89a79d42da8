namespace QualysGen.Responses;

/// <summary>What the start of a response body turned out to be.</summary>
internal enum ResponseRoot
{
    /// <summary>No body, or only whitespace.</summary>
    Empty,

    /// <summary>A body that does not start with <c>&lt;</c> (JSON, a token, plain text).</summary>
    NotXml,

    /// <summary>A body that starts like XML but is not well-formed up to its root element.</summary>
    MalformedXml,

    /// <summary>A classic-API <c>SIMPLE_RETURN</c>.</summary>
    SimpleReturn,

    /// <summary>A QPS <c>ServiceResponse</c>.</summary>
    ServiceResponse,

    /// <summary>Any other root element (an endpoint's <c>*_OUTPUT</c>, <c>BATCH_RETURN</c>, <c>html</c>, ...).</summary>
    Other,
}
