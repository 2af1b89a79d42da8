using System;
using System.Net;

namespace QualysGen;

/// <summary>
/// The response was an answer (not a Qualys error) but its body could not be read as the endpoint's schema: not well-formed,
/// a wrong root, a required element missing, a value that does not parse. <see cref="Exception.InnerException"/> is the parser's
/// exception: a <see cref="QualysXmlException"/> (element path, line and position) for XML, a <c>System.Text.Json.JsonException</c>
/// (path, line and position) for JSON, an <see cref="System.IO.InvalidDataException"/> for a <c>SIMPLE_RETURN</c> larger than 4 MB.
/// </summary>
public sealed class QualysResponseFormatException : QualysException
{
    /// <summary>Creates the exception.</summary>
    public QualysResponseFormatException(QualysCallInfo call, HttpStatusCode httpStatus, Exception innerException)
        : base($"{Describe(call)} returned a response that does not match its schema: {innerException?.Message}", call, httpStatus, innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
    }

    /// <summary>The XML parser's exception, or null when the body was JSON.</summary>
    public QualysXmlException? XmlError => InnerException as QualysXmlException;
}
