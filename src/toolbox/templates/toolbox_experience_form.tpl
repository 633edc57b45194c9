{{%AUTOESCAPE context="HTML"}}<p><a href="/toolbox/{{ID}}">[[toolbox.back_to_method]]</a></p>
<h1>[[toolbox.experience.add]]: {{NAME}}</h1>
<div class="notice error" role="alert" id="form-errors"><p>{{MESSAGE}}</p></div>
<form method="post" action="/toolbox/{{ID}}/experiences" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="exp-rating">[[toolbox.experience.rating]] <span aria-hidden="true">*</span></label>
<select id="exp-rating" name="rating" required>{{#RATING_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RATING_OPTIONS}}</select>
<label for="exp-worked">[[toolbox.experience.worked]]</label>
<textarea id="exp-worked" name="worked" maxlength="5000">{{WORKED}}</textarea>
<label for="exp-changed">[[toolbox.experience.changed]]</label>
<textarea id="exp-changed" name="changed" maxlength="5000">{{CHANGED}}</textarea>
<label for="exp-activity">[[toolbox.experience.activity]]</label>
<select id="exp-activity" name="activity_id"><option value="">[[toolbox.experience.no_activity]]</option>{{#ACTIVITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ACTIVITY_OPTIONS}}</select>
<p><button type="submit">[[toolbox.experience.save]]</button></p>
</form>
