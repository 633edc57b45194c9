{{%AUTOESCAPE context="HTML"}}<article class="toolbox-method" id="method-{{ID}}">
<h2 class="toolbox-method-name">{{NAME}}</h2>
{{#OTHER_LANGUAGE}}<p class="notice" role="note">[[toolbox.shown_in]] {{SHOWN_IN}}</p>{{/OTHER_LANGUAGE}}
<dl class="facts toolbox-facts">
<dt>[[toolbox.field.phase]]</dt><dd>{{PHASE}}</dd>
{{#HAS_TOPICS}}<dt>[[toolbox.field.topics]]</dt><dd>{{TOPICS}}</dd>{{/HAS_TOPICS}}
<dt>[[toolbox.field.group_size]]</dt><dd>{{GROUP}}</dd>
<dt>[[toolbox.field.duration_minutes]]</dt><dd>{{DURATION}}</dd>
<dt>[[toolbox.field.languages]]</dt><dd>{{LANGUAGES}}</dd>
{{#HAS_LICENCE}}<dt>[[toolbox.field.licence]]</dt><dd>{{LICENCE}}</dd>{{/HAS_LICENCE}}
</dl>
{{#IS_ADAPTATION}}<p class="toolbox-lineage">[[toolbox.adapted_from]] <a href="/toolbox/{{ADAPTED_FROM}}">[[toolbox.see_original]]</a>{{#HAS_ADAPTED_BY}} · [[toolbox.adapted_by]] {{ADAPTED_BY}}{{/HAS_ADAPTED_BY}}{{#HAS_REASON}} · [[toolbox.because]] {{REASON}}{{/HAS_REASON}}</p>{{/IS_ADAPTATION}}
{{#HAS_AIM}}<h3>[[toolbox.field.aim]]</h3><p class="toolbox-text">{{AIM}}</p>{{/HAS_AIM}}
{{#HAS_WHEN_TO_USE}}<h3>[[toolbox.field.when_to_use]]</h3><p class="toolbox-text">{{WHEN_TO_USE}}</p>{{/HAS_WHEN_TO_USE}}
{{#HAS_FOR_WHOM}}<h3>[[toolbox.field.for_whom]]</h3><p class="toolbox-text">{{FOR_WHOM}}</p>{{/HAS_FOR_WHOM}}
{{#HAS_PREPARATION}}<h3>[[toolbox.field.preparation]]</h3><p class="toolbox-text">{{PREPARATION}}</p>{{/HAS_PREPARATION}}
{{#HAS_STEPS}}<h3>[[toolbox.field.steps]]</h3>
<ol class="toolbox-steps">{{#STEPS}}<li><span class="toolbox-text">{{STEP_TEXT}}</span>{{#HAS_MINUTES}} <span class="muted">({{STEP_MINUTES}})</span>{{/HAS_MINUTES}}</li>{{/STEPS}}</ol>
<p class="muted">{{STEPS_TOTAL}}</p>{{/HAS_STEPS}}
{{#HAS_TIPS}}<h3>[[toolbox.field.tips]]</h3><p class="toolbox-text">{{TIPS}}</p>{{/HAS_TIPS}}
{{#HAS_VARIATIONS}}<h3>[[toolbox.field.variations]]</h3><p class="toolbox-text">{{VARIATIONS}}</p>{{/HAS_VARIATIONS}}
{{#HAS_PITFALLS}}<h3>[[toolbox.field.pitfalls]]</h3><p class="toolbox-text">{{PITFALLS}}</p>{{/HAS_PITFALLS}}
{{#HAS_SOURCE}}<h3>[[toolbox.field.source]]</h3><p class="toolbox-text">{{SOURCE}}</p>{{/HAS_SOURCE}}
</article>
