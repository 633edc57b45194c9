{{%AUTOESCAPE context="HTML"}}{{#PUBLIC}}
<h1>[[home.public.title]]</h1>
<p class="lead">[[home.public.intro]]</p>
<div class="grid">
  <section class="card">
    <h2>[[home.public.families_title]]</h2>
    <p>[[home.public.families_text]]</p>
  </section>
  <section class="card">
    <h2>[[home.public.partners_title]]</h2>
    <p>[[home.public.partners_text]]</p>
    <p><a class="button" href="/login">[[nav.login]]</a></p>
  </section>
</div>
{{/PUBLIC}}
{{#MEMBER}}
<h1>[[home.welcome]] {{NAME}}</h1>
<p><span class="badge role-{{ROLE_CODE}}">{{ROLE}}</span>{{#ORGS}} · {{ORG_NAME}}{{/ORGS}}</p>
<p>{{ROLE_INTRO}}</p>
{{#PANELS}}{{PANEL_HTML:none}}
{{/PANELS}}
<div class="grid">
{{#CARDS}}  <section class="card"><h2><a href="{{HREF}}">{{LABEL}}</a></h2><p>{{TEXT}}</p></section>
{{/CARDS}}
  <section class="card"><h2><a href="/profile">[[nav.profile]]</a></h2><p>[[nav.profile.about]]</p></section>
</div>
{{/MEMBER}}
