{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/toolbox/{{ID}}">[[toolbox.back_to_method]]</a> · [[toolbox.card.hint]]</p>
<div class="toolbox-card">
{{BODY_HTML:none}}
<p class="toolbox-card-footer muted">[[toolbox.card.footer]]</p>
</div>
