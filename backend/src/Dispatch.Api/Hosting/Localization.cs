using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Dispatch.Api.Hosting;

/// <summary>
/// The languages the server speaks: zh-CN first (the default), and English. A request picks one with its
/// Accept-Language header; text the server composes (trace lines) is rendered in
/// <see cref="CultureInfo.CurrentUICulture"/>. Only the UI culture follows the request: number and date formatting
/// (<see cref="CultureInfo.CurrentCulture"/>) stays invariant, as before.
/// </summary>
public static class Localization
{
    public static readonly CultureInfo Default = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly IReadOnlyList<CultureInfo> Supported = [Default, CultureInfo.GetCultureInfo("en")];

    public static IApplicationBuilder UseDispatchLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Default),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [.. Supported],
            RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
        });
}
