/** An object's name (`managed/<type>/<id>`, `system/...`) as a link to the objects linked to it. */
import { Link } from 'react-router';
import { paths } from '../config/paths';

export function ResourceLink({ name, className }: { name: string; className?: string }) {
  return (
    <Link className={className ? `mono ${className}` : 'mono'} to={paths.linkedResourcesOf(name)} title={`${name}: show its linked resources`}>
      {name}
    </Link>
  );
}
