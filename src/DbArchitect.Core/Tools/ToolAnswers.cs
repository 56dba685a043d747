using System.Text.Json;
using DbArchitect.Core.Redaction;

namespace DbArchitect.Core.Tools;

/// <summary>Turns a tool's result into the bounded JSON the model reads, with secrets masked, and logs it.</summary>
public sealed class ToolAnswers(SecretRedactor? secrets)
{
    public ToolLog Log { get; } = new();

    public JsonElement Answer<T>(string tool, T result)
    {
        var json = BoundedJson.Serialize(result);
        if (secrets is not null && secrets.AppearsIn(json.GetRawText()))
        {
            json = JsonDocument.Parse(secrets.Redact(json.GetRawText())).RootElement.Clone();
        }

        Log.Add(tool, json);
        return json;
    }
}
