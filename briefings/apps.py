from django.apps import AppConfig


class BriefingsConfig(AppConfig):
    name = "briefings"
    verbose_name = "Briefings archive"

    def ready(self) -> None:
        from . import cache, models

        cache.connect(
            [
                models.Briefing,
                models.Article,
                models.ArticleTopic,
                models.ArticleAuthor,
                models.Claim,
                models.Figure,
                models.Topic,
                models.Person,
                models.Publication,
            ]
        )
