using System.Globalization;
using System.Net;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Dispatch.Api.Tests.Cases.Public;

/// <summary>A host for the citizens' page tests: a generous per-client limit (every test client shares one address) and two reports per phone.</summary>
public sealed class PublicApp : DispatchApp
{
    public const int ReportsPerPhone = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PublicReports:ReportsPerClient", "1000");
        builder.UseSetting("PublicReports:ReportsPerPhone", ReportsPerPhone.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("PublicReports:TrackingReadsPerClientPerMinute", "100000");
    }
}

/// <summary>A host that lets one client send two reports per window, to see the third refused.</summary>
public sealed class TightClientLimitApp : DispatchApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PublicReports:ReportsPerClient", "2");
        builder.UseSetting("PublicReports:ReportsPerPhone", "100");
    }
}

internal static class PublicApi
{
    /// <summary>A citizen's report form; null leaves a field out.</summary>
    public static MultipartFormDataContent Form(string? topic = "parking", double? longitude = CaseApi.Longitude, double? latitude = CaseApi.Latitude,
        string? description = "人行道上停了一辆车", string? phone = null, string? addressText = null, params (string Name, byte[] Bytes)[] photos)
    {
        var form = new MultipartFormDataContent();
        void Add(string name, string? value)
        {
            if (value is not null)
                form.Add(new StringContent(value), name);
        }
        Add("topic", topic);
        Add("longitude", longitude?.ToString(CultureInfo.InvariantCulture));
        Add("latitude", latitude?.ToString(CultureInfo.InvariantCulture));
        Add("description", description);
        Add("phone", phone);
        Add("addressText", addressText);
        foreach (var (name, bytes) in photos.Length == 0 ? [("car.png", CaseApi.Png)] : photos)
            form.Add(new ByteArrayContent(bytes), "photos", name);
        return form;
    }

    /// <summary>Reports and insists on 201; the receipt.</summary>
    public static async Task<JsonElement> ReportAsync(HttpClient client, MultipartFormDataContent form)
    {
        var response = await client.PostAsync("/api/public/reports", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Token(this JsonElement receipt) => receipt.GetProperty("token").GetString()!;
}
