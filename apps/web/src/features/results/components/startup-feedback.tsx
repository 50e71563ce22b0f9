import { useTranslation } from 'react-i18next';

/** The jury's written feedback, no juror named (the server sorts it by text). */
export function Feedback({ feedback, headingLevel = 2 }: { feedback: string[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('results');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = headingLevel === 2 ? 'res-feedback' : 'res-round1-feedback';
  return (
    <section className="res-section" aria-labelledby={id}>
      <Heading id={id}>{t('startup.feedbackTitle')}</Heading>
      {feedback.length === 0 ? (
        <p>{t('startup.noFeedback')}</p>
      ) : (
        <ul className="res-feedback" role="list">
          {feedback.map((text, i) => (
            <li key={i}>
              <blockquote dir="auto">{text}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
