"""The vocabulary of the per-line classifiers (:mod:`normalize.patterns`), by kind of line.

Generic words of credit, boilerplate and tagline lines in English, Vietnamese,
Chinese, Russian, French, Spanish and German: data, kept apart from the logic.
"""

from __future__ import annotations


def split_words(words: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in words.split("|") if w.strip())


def _table(**rules: str) -> dict[str, str]:
    """``rule="phrase|phrase"`` keyword pairs to a phrase -> rule map (``_`` in a rule is ``-``)."""
    return {
        phrase: rule.replace("_", "-") for rule, phrases in rules.items() for phrase in split_words(phrases)
    }


# Credit labels, followed by ":" or "/" (any of the 7 languages), by rule name.
CREDIT_LABELS = _table(
    reporter="reporter|reporters|reporting|writer|written|author|authors|text|story|words|correspondent|"
    "contributor|contributors|text and photos|phóng viên|pv|nhóm phóng viên|tác giả|bài|bài và ảnh|bài/ảnh|"
    "thực hiện|ghi chép|ctv|cộng tác viên|texte|auteur|auteure|journaliste|correspondant|rédaction|"
    "propos recueillis par|texto|autor|autora|periodista|corresponsal|redacción|autorin|redaktion|автор|"
    "авторы|текст|корреспондент|подготовил|подготовила|coordinator|producer|production|design|designer|"
    "graphics|graphic|đồ họa|trình bày|thiết kế|video|clip|vidéo|vídeo|видео|grafik|infographic",
    editor="editor|editors|edited|editing|editor in chief|biên tập|biên tập viên|btv|rédacteur|rédactrice|"
    "édition|editor jefe|edición|redactor|redactora|redakteur|redakteurin|lektorat|редактор|редакция",
    photo="photo|photos|photograph|photographs|photographer|photo credit|image|images|picture|pictures|pic|"
    "pics|illustration|image credit|image source|photo source|credit|credits|ảnh|hình|hình ảnh|ảnh minh họa|"
    "ảnh/video|photographie|crédit|crédits|crédit photo|foto|fotos|fotografía|fotografías|imagen|imágenes|"
    "ilustración|crédito|bild|"
    "bilder|fotograf|fotografin|bildquelle|фото|фотография|фотографии|фотограф|изображение|иллюстрация",
    source="source|sources|compiled|compilation|via|nguồn|nguồn tin|tổng hợp|lược dịch|theo|fuente|fuentes|"
    "quelle|quellen|источник|источники|по материалам",
    translator="translated|translator|translation|biên dịch|dịch|dịch giả|người dịch|traduction|traduit par|"
    "traducción|traductor|traductora|übersetzung|übersetzer|перевод|переводчик",
)
# A source named after these, with no colon: "Theo VnExpress", "(avec AFP)".
SOURCE_PREFIXES = split_words(
    "theo|nguồn|avec|via|according to|con información de|mit material von|по данным"
)
# Small words allowed inside names ("and", "de", "van", ...).
NAME_CONNECTORS = frozenset(
    split_words("and|&|with|of|the|for|và|cùng|với|et|avec|de|du|des|la|le|y|con|del|und|von|van|der|den|zu|и|с|or|/")
)

# Lines that are wholly one of these phrases (after dropping edge punctuation and a count).
PHRASES = _table(
    related="related|related articles|related article|related posts|related news|related stories|"
    "related content|related links|related topics|related videos|related reading|you may also like|"
    "you might also like|recommended|recommended for you|more news|more stories|more from|most read|"
    "most popular|trending|latest news|tin liên quan|bài viết liên quan|bài liên quan|tin cùng chuyên mục|"
    "tin khác|tin mới|tin mới nhất|tin nổi bật|đọc nhiều|đọc nhiều nhất|có thể bạn quan tâm|"
    "bạn có thể quan tâm|cùng chuyên mục|articles similaires|articles liés|sur le même sujet|"
    "à lire également|les plus lus|artículos relacionados|noticias relacionadas|te puede interesar|"
    "lo más leído|ähnliche artikel|verwandte artikel|das könnte sie auch interessieren|meistgelesen|"
    "mehr zum thema|похожие статьи|похожие новости|по теме|популярное|читайте также|"
    "相关文章|相关新闻|相关阅读|相关推荐|推荐阅读|热门文章|延伸阅读|猜你喜欢|"
    "most popular articles|most popular stories|most popular videos|most read articles|most viewed|"
    "more stories like this|more on this story|read this next|editors' picks|"
    "artigos relacionados|posts relacionados|notícias relacionadas|articoli correlati|"
    "gerelateerde artikelen|artikel terkait|terkait",
    read_more="read more|read also|also read|see also|see more|continue reading|read full story|"
    "leia também|veja também|leggi anche|lees ook|baca juga|"
    "read the full story|xem thêm|đọc thêm|xem tiếp|lire aussi|à lire aussi|a lire aussi|lire la suite|"
    "voir aussi|lea también|leer más|ver más|véase también|lesen sie auch|weiterlesen|mehr lesen|"
    "читать далее|смотрите также|подробнее|читать полностью|阅读更多|查看更多|更多阅读|阅读全文|查看全文",
    share="share|share this|share this article|share this story|share this post|share this page|"
    "share article|tweet|pin|pin it|chia sẻ|chia sẻ bài viết|partager|partager cet article|partager sur|"
    "compartir|compartir en|compartir artículo|teilen|artikel teilen|diesen artikel teilen|поделиться|分享|"
    "分享到|follow|follow us|like us|theo dõi|suivez-nous|síguenos|folgen sie uns|подписывайтесь|关注我们",
    advertisement="advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|"
    "promoted|partner content|story continues below advertisement|scroll to continue with content|"
    "continue reading below|quảng cáo|nội dung tài trợ|publicité|pub|contenu sponsorisé|publicidad|anuncio|"
    "contenido patrocinado|anzeige|werbung|gesponsert|реклама|на правах рекламы|广告|推广|赞助内容",
    comments="comments|comment|leave a comment|leave a reply|add a comment|post a comment|view comments|"
    "bình luận|ý kiến|ý kiến bạn đọc|gửi bình luận|viết bình luận|commentaires|commentaire|"
    "laisser un commentaire|réagir|comentarios|comentario|deja un comentario|kommentare|kommentar|"
    "kommentar schreiben|комментарии|комментарий|оставить комментарий|评论|留言|发表评论|"
    "comentários|deixe um comentário|deixe uma resposta|commenti|lascia un commento|reacties|"
    "laat een reactie achter|komentar|tinggalkan balasan",
    navigation="print|email|e-mail|print this article|email this article|back to top|home|menu|in bài viết|"
    "skip to main content|skip to content|skip to navigation|skip navigation|jump to content|"
    "jump to navigation|return to top|go to top|scroll to top|top of page|main menu|toggle navigation|"
    "open menu|close menu|search|sign in|log in|bỏ qua nội dung|aller au contenu|zum inhalt springen|"
    "ir al contenido|перейти к содержимому|跳到主要内容|about us|contact|contact us|privacy|privacy policy|"
    "terms of use|terms of service|cookie policy|impressum|datenschutz|kontakt|mentions légales|"
    "liên hệ|aviso legal|política de privacidad|контакты|о нас|联系我们|关于我们|"
    "gửi email|về đầu trang|lên đầu trang|trang chủ|imprimer|retour en haut|accueil|imprimir|volver arriba|"
    "inicio|drucken|nach oben|startseite|печать|наверх|главная|打印|返回顶部|首页|loading|đang tải|"
    "chargement|cargando|wird geladen|загрузка|加载中",
    newsletter="newsletter|subscribe|sign up|subscribe now|đăng ký|đăng ký nhận tin|s'abonner|abonnez-vous|"
    "suscríbete|suscribirse|abonnieren|подписаться|订阅",
)
# Nouns that, after a count, head a comment thread: "3 Kommentare", "12 Comments", "5 bình luận".
COMMENT_NOUNS = frozenset(
    split_words(
        "comment|comments|reply|replies|response|responses|thought|thoughts|bình luận|ý kiến|"
        "commentaire|commentaires|réaction|réactions|comentario|comentarios|respuesta|respuestas|"
        "kommentar|kommentare|antwort|antworten|reaktion|reaktionen|комментарий|комментария|"
        "комментариев|комментарии|отзыв|отзыва|отзывов|条评论|评论|条留言|留言|comentário|comentários|"
        "resposta|respostas|commento|commenti|risposta|risposte|reactie|reacties|komentar|tanggapan"
    )
)
# A comment's reply button: a thread holds one under each comment.
REPLY_PHRASES = frozenset(
    split_words(
        "reply|reply to this comment|trả lời|répondre|responder|rispondi|antworten|"
        "auf diesen kommentar reagieren|ответить|回复|返信|답글|reageer|balas|odpowiedz"
    )
)
# An app prompt starts with one of these and names an app soon after: "Download the X app for ...".
APP_PROMPT_VERBS = split_words(
    "download|get|install|try|tải|tải về|cài đặt|téléchargez|télécharger|installez|descarga|descargue|"
    "instala|laden sie|hol dir|holen sie sich|скачайте|установите|下载|安装"
)
APP_WORDS = split_words("app|apps|application|ứng dụng|l'application|la app|la aplicación|приложение|客户端")
# Line starts; what may follow is checked in boilerplate_rule.
PREFIXES = _table(
    read_more="read more|read also|also read|see also|see more|more|xem thêm|đọc thêm|lire aussi|"
    "à lire aussi|a lire aussi|voir aussi|lea también|leer más|ver más|véase también|lesen sie auch|"
    "mehr zum thema|читайте также|смотрите также|читать также|阅读更多|延伸阅读|推荐阅读",
    related="related|tin liên quan|bài viết liên quan|相关阅读|相关新闻|相关文章",
    share="share on|share via|share to|share with|chia sẻ lên|chia sẻ qua|partager sur|compartir en|"
    "teilen auf|поделиться в|分享到|follow us|follow us on|like us on|theo dõi chúng tôi|suivez-nous|"
    "síguenos en|folgen sie uns|подписывайтесь на|关注我们",
    tags="tags|tag|keywords|keyword|topics|từ khóa|từ khoá|tag|chủ đề|mots-clés|mots clés|étiquettes|thèmes|"
    "etiquetas|palabras clave|temas|schlagwörter|schlagworte|stichwörter|themen|теги|метки|ключевые слова|"
    "темы|标签|关键词|关键字|话题",
    newsletter="subscribe to|subscribe for|sign up for|sign up to|sign up now|đăng ký nhận|đăng ký theo dõi|"
    "abonnez-vous à|inscrivez-vous à|suscríbete a|melden sie sich|abonnieren sie|подпишитесь на|订阅我们",
    click_here="click here|bấm vào đây|nhấn vào đây|cliquez ici|haga clic aquí|haz clic aquí|"
    "klicken sie hier|нажмите здесь|点击这里|点击此处",
)
# Tagline vocabulary: phrases that nearly only occur in site taglines, and generic media words.
TAGLINE_STRONG = split_words(
    "trang thông tin|thông tin điện tử|báo điện tử|tạp chí điện tử|cổng thông tin|cơ quan ngôn luận|"
    "chuyên trang|kênh thông tin|trang tin|news portal|official website|official site|official portal|"
    "online magazine|online newspaper|your daily source|your source for|your guide to|the voice of|"
    "e-magazine|le magazine|le journal|site d'information|le média|el diario|el periódico|la revista|"
    "portal de noticias|das magazin|die zeitung|nachrichtenportal|onlinemagazin|интернет-издание|"
    "информационный портал|новостной портал|сетевое издание"
)
TAGLINE_WORDS = split_words(
    "news|magazine|portal|official|website|online|daily|weekly|journal|newspaper|media|digital|lifestyle|"
    "information|tạp chí|tin tức|phong cách sống|điện tử|thông tin|magazine|quotidien|"
    "hebdomadaire|actualité|actualités|portail|officiel|en ligne|diario|periódico|revista|portal|noticias|"
    "oficial|semanario|informativo|magazin|zeitung|nachrichten|offizielle|tageszeitung|новости|журнал|"
    "газета|портал|официальный|информационный|сайт|издание"
)
