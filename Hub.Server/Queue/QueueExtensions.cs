namespace QueueKiosk.HubServer.Queue;

public static class QueueExtensions
{
    public static IServiceCollection AddQueue(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CatalogueCache>();
        services.AddSingleton<WaitEstimator>();
        services.AddSingleton<SequenceAllocator>();
        services.AddSingleton<LiveQueue>();
        services.AddSingleton<Journal.RowStoreFactory>();
        services.AddSingleton<Journal.QueueJournal>();
        services.AddHostedService(sp => sp.GetRequiredService<Journal.QueueJournal>());
        services.AddScoped<QueueEngine>();
        services.AddScoped<QueueReader>();
        services.AddSingleton<ClosingService>();
        services.AddHostedService(sp => sp.GetRequiredService<ClosingService>());
        return services;
    }
}
