{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/toolbox">[[toolbox.back]]</a></p>
<h1>{{NAME}} <span class="badge">{{STATUS}}</span></h1>
<p class="actions no-print">{{#MAY_EDIT}}<a class="button" href="/toolbox/{{ID}}/edit">[[toolbox.edit]]</a> {{/MAY_EDIT}}{{#MAY_ADAPT}}<a class="button secondary" href="/toolbox/new?adapt={{ID}}">[[toolbox.adapt]]</a> {{/MAY_ADAPT}}<a href="/toolbox/{{ID}}/translations">[[toolbox.translations.title]]</a> · <a href="/toolbox/{{ID}}/versions">[[toolbox.versions.title]]</a> · <a href="/toolbox/{{ID}}/card">[[toolbox.card.title]]</a> · <a href="/toolbox/export?ids={{ID}}&amp;status=all" download>[[toolbox.export.one]]</a></p>
{{BODY_HTML:none}}
{{ATTACHMENTS_HTML:none}}
<section aria-labelledby="family-heading" id="family" class="no-print-break"><h2 id="family-heading">[[toolbox.family.title]]</h2>
{{#HAS_FAMILY}}<ul class="toolbox-family">
{{#ANCESTORS}}<li class="toolbox-depth-0"><a href="/toolbox/{{M_ID}}">{{M_NAME}}</a>{{#M_HAS_STATUS}} <span class="badge">{{M_STATUS}}</span>{{/M_HAS_STATUS}}{{#M_HAS_TEAM}} · {{M_TEAM}}{{/M_HAS_TEAM}}{{#M_HAS_REASON}} · [[toolbox.because]] {{M_REASON}}{{/M_HAS_REASON}}</li>{{/ANCESTORS}}
<li class="toolbox-depth-0"><strong aria-current="page">{{SELF_NAME}}</strong> <span class="muted">([[toolbox.family.this]])</span></li>
{{#DESCENDANTS}}<li class="toolbox-depth-{{M_DEPTH}}"><span aria-hidden="true">↳ </span><a href="/toolbox/{{M_ID}}">{{M_NAME}}</a>{{#M_HAS_STATUS}} <span class="badge">{{M_STATUS}}</span>{{/M_HAS_STATUS}}{{#M_HAS_TEAM}} · [[toolbox.adapted_by]] {{M_TEAM}}{{/M_HAS_TEAM}}{{#M_HAS_REASON}} · [[toolbox.because]] {{M_REASON}}{{/M_HAS_REASON}}</li>{{/DESCENDANTS}}
</ul>{{/HAS_FAMILY}}
{{#NO_FAMILY}}<p class="muted">[[toolbox.family.none]]</p>{{/NO_FAMILY}}
</section>
<section aria-labelledby="uses-heading" id="uses"><h2 id="uses-heading">[[toolbox.uses.title]]</h2>
{{#NO_USES}}<p class="muted">[[toolbox.uses.none]]</p>{{/NO_USES}}
<ul>{{#USES}}<li><a href="/journal/{{ACTIVITY_ID}}">{{ACTIVITY_TITLE}}</a> · {{WHEN}} · {{LEVEL}}{{#U_MAY_ARCHIVE}} <form method="post" action="/toolbox/{{ID}}/uses/{{ACTIVITY_ID}}/archive" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button secondary">[[toolbox.contribution.archive]]<span class="visually-hidden">: {{ACTIVITY_TITLE}}</span></button></form>{{/U_MAY_ARCHIVE}}</li>{{/USES}}</ul>
</section>
<section aria-labelledby="experiences-heading" id="experiences"><h2 id="experiences-heading">[[toolbox.experience.title]]</h2>
{{#HAS_MEAN}}<p>{{MEAN_RATING}}</p>{{/HAS_MEAN}}{{#NO_EXPERIENCES}}<p class="muted">[[toolbox.experience.none]]</p>{{/NO_EXPERIENCES}}
<ul class="toolbox-experiences">{{#EXPERIENCES}}<li class="card"><p><strong>{{E_RATING}}</strong> · {{E_AUTHOR}} · {{E_WHEN}}{{#E_HAS_ACTIVITY}} · <a href="/journal/{{E_ACTIVITY_ID}}">{{E_ACTIVITY_TITLE}}</a>{{/E_HAS_ACTIVITY}}</p>
{{#E_HAS_WORKED}}<p><strong>[[toolbox.experience.worked]]</strong> <span class="toolbox-text">{{E_WORKED}}</span></p>{{/E_HAS_WORKED}}
{{#E_HAS_CHANGED}}<p><strong>[[toolbox.experience.changed]]</strong> <span class="toolbox-text">{{E_CHANGED}}</span></p>{{/E_HAS_CHANGED}}
{{#E_MAY_ARCHIVE}}<form method="post" action="/toolbox/{{ID}}/experiences/{{E_ID}}/archive" class="inline no-print"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="button secondary">[[toolbox.contribution.archive]]</button></form>{{/E_MAY_ARCHIVE}}</li>{{/EXPERIENCES}}</ul>
{{#EXPERIENCE_FORM}}<form method="post" action="/toolbox/{{ID}}/experiences" class="stack card no-print">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<h3>[[toolbox.experience.add]]</h3>
<label for="exp-rating">[[toolbox.experience.rating]] <span aria-hidden="true">*</span></label>
<select id="exp-rating" name="rating" required>{{#RATING_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/RATING_OPTIONS}}</select>
<label for="exp-worked">[[toolbox.experience.worked]]</label>
<textarea id="exp-worked" name="worked" maxlength="5000"></textarea>
<label for="exp-changed">[[toolbox.experience.changed]]</label>
<textarea id="exp-changed" name="changed" maxlength="5000"></textarea>
<label for="exp-activity">[[toolbox.experience.activity]]</label>
<select id="exp-activity" name="activity_id"><option value="">[[toolbox.experience.no_activity]]</option>{{#ACTIVITY_OPTIONS}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ACTIVITY_OPTIONS}}</select>
<p><button type="submit">[[toolbox.experience.save]]</button></p>
</form>{{/EXPERIENCE_FORM}}
</section>
{{ARCHIVED_HTML:none}}
{{#RECORD_PANELS}}{{PANEL_HTML:none}}
{{/RECORD_PANELS}}
<section aria-labelledby="review-heading" id="review" class="no-print"><h2 id="review-heading">[[toolbox.review.title]]</h2>
<ol class="toolbox-comments">{{#COMMENTS}}<li><p><strong>{{C_KIND}}</strong> · {{C_AUTHOR}} · {{C_WHEN}} · [[toolbox.review.version]] {{C_VERSION}}</p><p class="toolbox-text">{{C_BODY}}</p></li>{{/COMMENTS}}</ol>
{{#MOVES}}<form method="post" action="/toolbox/{{ID}}/status" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><input type="hidden" name="move" value="{{MOVE}}">
<label for="move-{{MOVE}}">[[toolbox.review.note]]</label>
<textarea id="move-{{MOVE}}" name="comment" maxlength="5000"></textarea>
<p><button type="submit">{{MOVE_LABEL}}</button></p>
</form>{{/MOVES}}
{{#MAY_COMMENT}}<form method="post" action="/toolbox/{{ID}}/comments" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="review-comment">[[toolbox.review.comment]]</label>
<textarea id="review-comment" name="comment" required maxlength="5000"></textarea>
<p><button type="submit" class="secondary">[[toolbox.review.add]]</button></p>
</form>{{/MAY_COMMENT}}
</section>
