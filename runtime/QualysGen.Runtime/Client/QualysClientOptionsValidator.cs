using System;
using Microsoft.Extensions.Options;

namespace QualysGen.Client;

/// <summary>
/// Checks <see cref="QualysClientOptions"/> from dependency injection with the same rules as the client's constructor, so that
/// <c>ValidateOnStart</c> reports a missing platform or a bad timeout when the host starts, not at the first call.
/// </summary>
internal sealed class QualysClientOptionsValidator : IValidateOptions<QualysClientOptions>
{
    public ValidateOptionsResult Validate(string? name, QualysClientOptions options)
    {
        try
        {
            options.Clone().Validate();
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            var which = string.IsNullOrEmpty(name) ? "" : $" \"{name}\"";
            return ValidateOptionsResult.Fail($"QualysClientOptions{which}: {exception.Message}");
        }
    }
}
