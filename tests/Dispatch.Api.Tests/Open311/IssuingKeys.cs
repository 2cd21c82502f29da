using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Tests.Open311;

/// <summary>Administrators issue, list and revoke Open311 keys; a key is shown once and only its hash is kept.</summary>
public sealed class IssuingKeys(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task A_key_is_shown_once_stored_as_a_hash_and_listed_without_it()
    {
        var admin = await app.SignInAsync("admin");

        var issued = await (await admin.PostAsJsonAsync("/api/admin/open311/keys", new { name = "市民App" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = issued.GetProperty("key").GetString()!;
        var id = issued.GetProperty("id").GetGuid();

        Assert.StartsWith("o311_", key, StringComparison.Ordinal);
        Assert.Equal(key[..8], issued.GetProperty("prefix").GetString());
        var stored = await app.QueryAsync(db => db.Open311Keys.AsNoTracking().SingleAsync(k => k.Id == id));
        Assert.NotEqual(key, stored.KeyHash);
        Assert.Equal(64, stored.KeyHash.Length);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/open311/keys")).EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("key").ValueKind);
        Assert.Equal("admin", listed.GetProperty("issuedBy").GetString());
        var audit = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectKey == id.ToString()).ToListAsync());
        Assert.DoesNotContain(audit, e => (e.After ?? "").Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_an_administrator_manages_keys_and_a_name_is_required()
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var admin = await app.SignInAsync("admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await acceptor.PostAsJsonAsync("/api/admin/open311/keys", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await acceptor.GetAsync("/api/admin/open311/keys")).StatusCode);
        var nameless = await admin.PostAsJsonAsync("/api/admin/open311/keys", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.True((await nameless.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_revoked_key_stays_listed_and_cannot_be_revoked_twice()
    {
        var admin = await app.SignInAsync("admin");
        var id = (await (await admin.PostAsJsonAsync("/api/admin/open311/keys", new { name = "旧系统" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        var revoked = await admin.PostAsync($"/api/admin/open311/keys/{id}/revoke", null);
        var again = await admin.PostAsync($"/api/admin/open311/keys/{id}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("admin", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/open311/keys/{Guid.NewGuid()}/revoke", null)).StatusCode);
    }
}
