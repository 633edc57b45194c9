{{%AUTOESCAPE context="HTML"}}<h1>[[monitoring.trends.heading]]: {{WAVE}}</h1>
<p><a href="{{WAVE_HREF}}">{{WAVE}}</a></p>
<p class="muted">{{COUNT}}</p>
<nav aria-label="[[monitoring.metrics.ties_choice]]"><ul class="actions">
{{#TIES}}<li><a href="{{HREF}}" class="button secondary"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/TIES}}
</ul></nav>
{{CHARTS:none}}
