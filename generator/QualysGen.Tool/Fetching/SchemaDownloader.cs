using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QualysGen.Tool.Cli;

namespace QualysGen.Tool.Fetching;

/// <summary>
/// Downloads schemas from a platform's API server. Credentials, when the platform wants them, come from <c>QUALYS_USERNAME</c> and
/// <c>QUALYS_PASSWORD</c> and go only into the Authorization header: never into a message, the progress or an error.
/// </summary>
internal sealed class SchemaDownloader : IDisposable
{
    public const string UserNameVariable = "QUALYS_USERNAME";
    public const string PasswordVariable = "QUALYS_PASSWORD";

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly TextWriter _progress;

    public SchemaDownloader(Uri baseUrl, ToolConsole console, TimeSpan timeout)
    {
        _baseUrl = baseUrl;
        _progress = console.Error;
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = true, AutomaticDecompression = DecompressionMethods.All }) { Timeout = timeout };
        _http.DefaultRequestHeaders.Add("X-Requested-With", "qualysgen");
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("qualysgen", typeof(SchemaDownloader).Assembly.GetName().Version?.ToString(3) ?? "0"));
        if (console.Environment(UserNameVariable) is { Length: > 0 } user && console.Environment(PasswordVariable) is { Length: > 0 } password)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        }
    }

    /// <summary>The URL of <paramref name="path"/> on the platform, without any user info.</summary>
    public string UrlOf(string path) => Display(new Uri(_baseUrl, path));

    /// <summary>Downloads the text at <paramref name="path"/>, reporting progress as <c>[index/count]</c>.</summary>
    public async Task<string> DownloadAsync(string path, string label, CancellationToken cancellationToken)
    {
        var url = new Uri(_baseUrl, path);
        _progress.WriteLine($"{label} GET {Display(url)}");
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? $" The platform wants credentials: set {UserNameVariable} and {PasswordVariable}."
                    : "";
                throw new ToolException($"Could not download {Display(url)}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.{hint}", ExitCodes.NetworkError);
            }

            var total = response.Content.Headers.ContentLength;
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            var reported = 0L;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (total is > 0 && buffer.Length - reported >= 64 * 1024)
                {
                    reported = buffer.Length;
                    _progress.WriteLine($"{label}   {buffer.Length * 100 / total.Value}% ({buffer.Length:N0} of {total.Value:N0} bytes)");
                }
            }

            _progress.WriteLine($"{label}   {buffer.Length:N0} bytes");
            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (HttpRequestException exception)
        {
            throw new ToolException($"Could not download {Display(url)}: {exception.Message}", ExitCodes.NetworkError);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ToolException($"Could not download {Display(url)}: no answer within {_http.Timeout.TotalSeconds:0} s.", ExitCodes.NetworkError);
        }
        catch (IOException exception)
        {
            throw new ToolException($"Could not download {Display(url)}: {exception.Message}", ExitCodes.NetworkError);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Display(Uri url) => string.IsNullOrEmpty(url.UserInfo) ? url.AbsoluteUri : url.AbsoluteUri.Replace(url.UserInfo + "@", "", StringComparison.Ordinal);
}
