{{%AUTOESCAPE context="HTML"}}<section class="card" id="transitions-setting" aria-labelledby="transitions-setting-title">
<h2 id="transitions-setting-title">[[transitions.setting.title]]</h2>
{{#IS_SETTING}}<dl>
<dt>[[transitions.setting.kind]]</dt><dd>{{KIND}}</dd>
{{#HAS_CAPACITY}}<dt>[[transitions.setting.capacity]]</dt><dd>{{CAPACITY}}</dd>{{/HAS_CAPACITY}}
{{#HAS_AGES}}<dt>[[transitions.setting.ages]]</dt><dd>{{AGE_MIN}} – {{AGE_MAX}} [[transitions.setting.months]]</dd>{{/HAS_AGES}}
{{#HAS_LANGUAGES}}<dt>[[transitions.setting.languages]]</dt><dd>{{LANGUAGES}}</dd>{{/HAS_LANGUAGES}}
<dt>[[transitions.setting.school_year]]</dt><dd>{{YEAR_START}} – {{YEAR_END}}</dd>
</dl>{{/IS_SETTING}}
{{#NOT_SETTING}}<p>[[transitions.setting.none]]</p>{{/NOT_SETTING}}
{{#CAN_EDIT}}<p><a class="button" href="{{EDIT_HREF}}">[[transitions.setting.edit]]</a></p>{{/CAN_EDIT}}
</section>
