{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="archived-heading" id="archived" class="no-print"><h2 id="archived-heading">[[toolbox.archived.title]]</h2>
<p class="hint">[[toolbox.archived.hint]]</p>
<ul class="archived-files">{{#ARCHIVED_EXPERIENCES}}<li>{{E_LABEL}} · [[toolbox.archived.on]] {{E_WHEN}}
<form method="post" action="/toolbox/{{ID}}/experiences/{{E_ID}}/restore" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button">[[toolbox.archived.restore]]<span class="visually-hidden">: {{E_LABEL}}</span></button></form></li>{{/ARCHIVED_EXPERIENCES}}
{{#ARCHIVED_USES}}<li>[[toolbox.archived.use]] <a href="/journal/{{U_ID}}">{{U_TITLE}}</a> · [[toolbox.archived.on]] {{U_WHEN}}
<form method="post" action="/toolbox/{{ID}}/uses/{{U_ID}}/restore" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button">[[toolbox.archived.restore]]<span class="visually-hidden">: {{U_TITLE}}</span></button></form></li>{{/ARCHIVED_USES}}</ul>
</section>
