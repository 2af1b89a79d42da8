using System;

namespace QualysGen;

/// <summary>
/// The call failed below HTTP: the connection was refused, dropped, or reset, or no response came within
/// <see cref="Client.QualysClientOptions.Timeout"/>. When <see cref="MayHaveRun"/> is true Qualys may have received and carried
/// out the request, and because the endpoint is not safe to repeat (a create, a launch, a delete) the client did not send it again:
/// check the state before retrying yourself.
/// </summary>
public sealed class QualysTransportException : QualysException
{
    /// <summary>Creates the exception.</summary>
    public QualysTransportException(QualysCallInfo call, bool isTimeout, bool mayHaveRun, int attempts, Exception? innerException)
        : base(FormatMessage(call, isTimeout, mayHaveRun, attempts), call, httpStatus: null, innerException)
    {
        IsTimeout = isTimeout;
        MayHaveRun = mayHaveRun;
        Attempts = attempts;
    }

    /// <summary>True when no response came in time; false when the connection failed.</summary>
    public bool IsTimeout { get; }

    /// <summary>True when the request may have reached Qualys (the connection broke after it was sent).</summary>
    public bool MayHaveRun { get; }

    /// <summary>How many times the call was sent.</summary>
    public int Attempts { get; }

    private static string FormatMessage(QualysCallInfo call, bool isTimeout, bool mayHaveRun, int attempts)
    {
        var what = isTimeout ? "timed out" : "lost its connection";
        var message = $"{Describe(call)} {what} after {attempts} attempt(s)";
        return mayHaveRun ? message + "; Qualys may have carried it out, and it is not safe to repeat automatically" : message;
    }
}
