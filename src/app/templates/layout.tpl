{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · [[app.name]]</title>
<link rel="stylesheet" href="{{CSS_URL}}">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip-link" href="#main">[[nav.skip]]</a>
<header class="site">
  <div class="container header-inner">
    <a class="brand" href="/">[[app.name]]</a>
    <nav class="main" aria-label="[[nav.menu]]">
      <ul>
        {{#NAV}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
        {{/NAV}}
        {{#SIGNED_OUT}}<li><a href="/login">[[nav.login]]</a></li>{{/SIGNED_OUT}}
      </ul>
    </nav>
    {{#SIGNED_IN}}
    <div class="account">
      <a href="/profile" class="user-name">{{USER_NAME}}</a>
      <form method="post" action="/logout" class="inline">
        <input type="hidden" name="_csrf" value="{{CSRF}}">
        <button type="submit" class="button secondary">[[nav.logout]]</button>
      </form>
    </div>
    {{/SIGNED_IN}}
    <nav class="lang-switch" aria-label="[[nav.language]]">
      <ul>
        {{#LANGS}}<li><a href="{{HREF}}" lang="{{CODE}}" hreflang="{{CODE}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</a></li>
        {{/LANGS}}
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="container" tabindex="-1">
{{#FLASH}}<p class="notice success" role="status">{{FLASH_TEXT}}</p>{{/FLASH}}
{{CONTENT_HTML:none}}
</main>
<footer class="site">
  <div class="container"><p>[[app.name]] · [[app.tagline]]</p></div>
</footer>
</body>
</html>
