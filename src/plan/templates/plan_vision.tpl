{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/plan">[[plan.back]]</a></p>
<h1>[[plan.vision.title]]</h1>
{{#EMPTY}}<p class="muted">[[plan.vision.empty]]</p>{{/EMPTY}}
{{#SAVED}}<p class="muted">{{SAVED}}</p>{{/SAVED}}
{{#OLD_VERSION}}<p class="notice" role="status">[[plan.vision.old_version]] <a href="/plan/vision">[[plan.vision.current_link]]</a></p>{{/OLD_VERSION}}
<p class="actions no-print">{{#MAY_EDIT}}<a class="button" href="/plan/vision/edit">[[plan.vision.edit]]</a> {{/MAY_EDIT}}<a href="/plan/vision/history">[[plan.vision.history]]</a></p>
<div class="plan-vision">
{{#HAS_NL}}<section lang="nl" aria-labelledby="vision-nl"><h2 id="vision-nl">[[plan.vision.text_nl]]</h2><div class="markdown">{{TEXT_NL_HTML:none}}</div></section>{{/HAS_NL}}
{{#HAS_FR}}<section lang="fr" aria-labelledby="vision-fr"><h2 id="vision-fr">[[plan.vision.text_fr]]</h2><div class="markdown">{{TEXT_FR_HTML:none}}</div></section>{{/HAS_FR}}
</div>
